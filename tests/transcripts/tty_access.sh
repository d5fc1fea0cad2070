# Who may use the console (kernel/ctty.c). This shell's session owns it.
# A program run as another user, in a session of its own (setsid), keeps
# the descriptors it inherited, but the console is no longer its terminal:
# it may not read the lines typed for root, nor change the console's
# settings (root's ^C and echo stay on), nor open the console again.
ls -l /dev/console /dev/tty /dev/null | tr -s ' ' | cut -d ' ' -f 1,3,4,10
echo "--- another user, in a session of its own"
runas 1000 setsid cat
echo "status $?"
runas 1000 setsid stty -echo -isig
echo "status $?"
stty | grep -c '^isig icanon iexten echo '
runas 1000 cat /dev/console
echo "status $?"
runas 1000 setsid cat /dev/tty
echo "status $?"
runas 1000 setsid stty size > /dev/null
echo "looking is allowed: status $?"
echo "--- root, in a session of its own: may change, still not read"
setsid cat
echo "status $?"
setsid stty tostop
stty | grep -c -- ' tostop'
stty -tostop
echo "--- in the session: /dev/tty is its terminal"
echo written > /dev/tty
echo "status $?"
