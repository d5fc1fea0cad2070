# uptime, free and top: their shape (the figures change).
uptime | grep -c ' up .*load average: [0-9.]*, [0-9.]*, [0-9.]*$'
uptime -p | grep -c '^up '
uptime -s | grep -c '^[0-9-]* [0-9:]*$'
free | head -1
free | sed -n 2p | grep -c '^Mem: *[0-9]* *[0-9]* *[0-9]*'
free | sed -n 3p
free -h | sed -n 2p | grep -c 'i'
free -x; echo "status $?"
top -b -n 1 | sed -n 1p | grep -c '^top - .* up .*load average'
top -b -n 1 | sed -n 2p | grep -c '^Tasks: *[0-9]* total'
top -b -n 1 | sed -n 5p
top -b -n 1 | grep -q 'top -b -n 1' && echo 'top lists itself'
top -b -n 2 -d 0.1 | grep -c '^top - '
