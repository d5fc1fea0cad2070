# The shell init starts has the user's name, as after a login: USER and
# LOGNAME, with HOME and PATH.
echo "USER=$USER LOGNAME=$LOGNAME"
[ "$USER" = "$(whoami)" ] && echo "USER is whoami's name"
sh -c 'echo "a child shell: $USER"'
env | grep -c '^LOGNAME='
[ -n "$HOME" ] && [ -n "$PATH" ] && echo "HOME and PATH set"
