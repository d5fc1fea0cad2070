# echo (as dash's: -n only, escapes always) and printf (conversions, flags,
# widths, escapes, reuse of the format, bad numbers). Run through env, so
# that the programs are tested even where the shell has echo and printf
# built in; the builtins must give the same.
echo "--- echo"
env echo hello   world
env echo
env echo -n no newline
env echo
env echo 'a\tb\nc\\d'
env echo -e 'a\tb'
env echo -E 'a\tb'
env echo 'octal \0101\0102 \101 no hex \x41'
env echo 'stop here\c and not here'
env echo -n 'x\n'
env echo -- -n
env echo -x -n
env echo -nq
env echo 'unknown \q escape, trailing \'
echo "--- the builtin echo, the same"
echo 'a\tb' -e; echo -e x; echo -n 'y\n'; echo 'z\c' not this
echo "--- printf: strings and characters"
env printf 'plain\n'
env printf '%s|%s\n' one two
env printf '[%5s][%-5s][%.2s][%-6.3s]\n' ab ab abcdef abcdef
env printf '%c%c%c\n' hello world x
env printf '%%s %%d\n'
echo "--- printf: integers"
env printf '%d %i %d\n' 42 -7 +3
env printf '[%5d][%-5d][%05d][%+d][% d]\n' 42 42 42 42 42
env printf '%o %x %X %#o %#x %u\n' 8 255 255 8 255 3
env printf '%u %x\n' -1 -1
env printf '%d %d %d\n' 0x1F 017 "'A"
env printf '[%.3d][%8.3d][%-8.3d]\n' 7 7 7
env printf '[%*d][%-*d][%.*d]\n' 6 1 6 2 4 3
echo "--- printf: floating point"
env printf '%f %.2f %e %.3E\n' 3.14159 2.5 1234.5 0.000123
env printf '%g %g %g %G\n' 100000 1000000 0.0001 1e-10
env printf '[%10.3f][%-10.1f][%010.2f]\n' 3.14159 2.5 -1.5
echo "--- printf: escapes in the format and in %b"
env printf 'tab\there\\back\101\n'
env printf '%b\n' 'a\tb' 'octal \0101 \101' 'x\\y'
env printf '%b|%b\n' 'stop\c here' never
env printf 'after\n'
echo "--- printf: the format is used again for extra arguments"
env printf '%s=%s\n' a 1 b 2 c
env printf '%d\n' 1 2 3
env printf 'x\n' extra ignored
echo "--- printf: missing arguments are empty or zero"
env printf '[%s][%d]\n'
echo "--- printf: errors"
env printf '%d\n' abc
echo "status $?"
env printf '%d %d\n' 12abc 5
echo "status $?"
env printf '%d\n' 99999999999999999999
echo "status $?"
env printf 'before %y after\n'
echo "status $?"
env printf
echo "status $?"
echo "--- \\x without a hex digit is an error"
env printf 'ok\x41\n'
env printf 'bad\xv\n'; echo "status $?"
