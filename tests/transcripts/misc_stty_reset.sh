# stty shows and changes the modes of the console; reset makes a console
# left raw and silent (as by a program that died) usable again.
exec < /dev/tty
echo "--- the console's modes at boot"
stty -a | grep -v '^rows'
echo "--- raw, without echo"
stty raw -echo
echo "status $?"
stty -a | grep -v '^rows'
echo "--- reset: the boot's modes again"
reset
echo "status $?"
stty -a | grep -v '^rows'
echo "--- -FLAG, FLAG, raw and cooked"
stty -icrnl -onlcr -echoctl tostop
stty -a | grep -v '^rows'
stty raw
stty cooked icrnl onlcr echoctl -tostop
stty -a | grep -v '^rows'
echo "--- errors"
stty bogus
echo "status $?"
stty -a < /dev/null
echo "status $?"
