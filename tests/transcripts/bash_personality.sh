# The shell is also /bin/bash, a symbolic link to sh. Under that name it
# takes bash's side where the two differ: echo takes -n -e -E and leaves
# backslashes alone unless -e; an error of `shift` or `.` fails only the
# command; `.` and source also look in the current directory. As sh it is
# dash. The shell reads a script's #! line, so #!/bin/bash picks bash.
echo "--- the name"
readlink /bin/bash
echo "--- echo as sh and as bash"
sh -c 'echo -e "a\tb"; echo "c\td"; echo -n n; echo'
bash -c 'echo -e "a\tb"; echo "c\td"; echo -E "e\tf"; echo -ne "n\n"; echo -x -e; echo -e "g\0101h\x41i\cj"; echo k'
bash -c 'set -o posix; echo -e "p\tq"'
bash --posix -c 'echo -n "r\ts"; echo'
echo "--- scripts and #!"
cd /tmp
printf '#!/bin/bash\necho -e "script\\tas bash: $0"\n' > bash_script
printf '#!/bin/sh\necho -e "script\\tas sh"\n' > sh_script
printf 'echo -e "no #! line:\\trun by this shell"\n' > plain_script
printf '#!/bin/cat -n\nprinted by cat\n' > cat_script
chmod +x bash_script sh_script plain_script cat_script
./bash_script; ./sh_script; ./plain_script; ./cat_script
(exec ./bash_script)
./bash_script | cat
echo "--- errors of special builtins: bash goes on, sh stops"
bash -c 'shift 3; echo "shift: $?"; . ./nowhere; echo ".: $?"' 2>/dev/null
sh -c 'shift 3; echo "not reached"' 2>/dev/null; echo "sh: $?"
echo "--- . and source look in the current directory too"
echo 'echo "sourced from here: $1"' > here_file
bash -c '. here_file one; source here_file two'
sh -c 'source here_file three; . here_file four' 2>/dev/null; echo "sh's .: $?"
rm -f bash_script sh_script plain_script cat_script here_file
