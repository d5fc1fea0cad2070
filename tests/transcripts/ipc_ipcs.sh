# ipcs -a: the System V objects, then Duplex's channels and named ports.
echo '# a queue and a named port'
ipcmk -Q -k 0x2a > /dev/null
echoserver &
until ipcs -a | grep -q ' echo '; do sleep 0.05; done
ipcs -a | grep -v '^$' | cut -c1-60
echo '# the queue removed, the server gone: both lists are empty again'
ipcrm -Q 0x2a
kill $!
wait $! 2>/dev/null
ipcs -a | grep -c '^0x'
ipcs -a | grep -c ' echo '
