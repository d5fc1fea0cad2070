# XCU utilities on files and directories: mkdir, rmdir, rm, mv, cp, ln,
# chmod, touch, find, basename, dirname. Listings are sorted, since a
# directory's order is each file system's own.
#@ mkdir-p  mkdir: -p makes the missing parents, and is quiet if it exists
mkdir -p a/b/c; mkdir -p a/b/c; echo $?; test -d a/b/c && echo made
#@ mkdir-exists  mkdir: an existing directory is an error
mkdir d; mkdir d 2>/dev/null || echo failed
#@ mkdir-no-parent  mkdir: without -p a missing parent is an error
mkdir x/y 2>/dev/null || echo failed
#@ mkdir-m  mkdir: -m sets the mode
mkdir -m 700 d; ls -ld d | cut -c1-10
#@ rmdir  rmdir: removes empty directories only
mkdir e f; touch f/x; rmdir e; rmdir f 2>/dev/null || echo "not empty"; ls
#@ rmdir-p  rmdir: -p removes the parents too
mkdir -p a/b/c; rmdir -p a/b/c; ls
#@ rm-files  rm: removes files
touch a b; rm a b; ls; echo end
#@ rm-missing  rm: a missing file is an error, but not with -f
rm nonexistent 2>/dev/null || echo failed; rm -f nonexistent; echo "-f: $?"
#@ rm-r  rm: -r removes a tree
mkdir -p t/u; touch t/u/f t/g; rm -r t; ls; echo end
#@ rm-dir-without-r  rm: a directory without -r is an error
mkdir d; rm d 2>/dev/null || echo failed; test -d d && echo kept
#@ mv-rename  mv: renames a file
echo x > a; mv a b; ls; cat b
#@ mv-into-dir  mv: moves files into a directory
mkdir d; touch a b; mv a b d; ls d
#@ mv-overwrite  mv: replaces an existing file
echo new > a; echo old > b; mv a b; cat b; ls
#@ mv-dir  mv: renames a directory
mkdir -p d/sub; mv d e; ls e
#@ cp-file  cp: copies contents
echo content > a; cp a b; cat b
#@ cp-into-dir  cp: copies files into a directory
mkdir d; echo 1 > a; echo 2 > b; cp a b d; cat d/a d/b
#@ cp-R  cp: -R copies a tree
mkdir -p s/t; echo deep > s/t/f; cp -R s c; cat c/t/f
#@ cp-dir-without-R  cp: a directory without -R is an error
mkdir d; cp d e 2>/dev/null || echo failed
#@ cp-p  cp: -p keeps the mode
echo x > a; chmod 640 a; cp -p a b; ls -l b | cut -c1-10
#@ cp-same  cp: a file onto itself is an error
echo x > a; cp a a 2>/dev/null || echo failed; cat a
#@ ln-hard  ln: a hard link shares the file
echo one > a; ln a b; echo two >> b; cat a; ls -l a | awk '{ print $2 }'
#@ ln-s  ln: -s makes a symbolic link
echo target > t; ln -s t l; cat l; ls -l l | grep -c -- '-> t'
#@ ln-f  ln: -f replaces an existing destination
echo a > a; echo b > b; ln -f a b; cat b
#@ ln-into-dir  ln: links into a directory
mkdir d; touch a; ln -s ../a d; ls d
#@ chmod-octal  chmod: octal modes
touch f; chmod 751 f; ls -l f | cut -c1-10
#@ chmod-symbolic  chmod: symbolic modes
touch f; chmod 600 f; chmod u+x,g+r,o=r f; ls -l f | cut -c1-10; chmod a-w f; ls -l f | cut -c1-10
#@ chmod-R  chmod: -R changes a tree
mkdir -p d/e; touch d/e/f; chmod -R 700 d; ls -l d/e/f | cut -c1-10
#@ chmod-copy  chmod: g=u copies permission bits
touch f; chmod 740 f; chmod g=u f; ls -l f | cut -c1-10
#@ chmod-missing  chmod: a missing file is an error
chmod 644 nonexistent 2>/dev/null || echo failed
#@ touch-create  touch: creates an empty file
touch new; test -f new && test ! -s new && echo created
#@ touch-c  touch: -c does not create
touch -c none; test -e none || echo "not created"
#@ touch-t  touch: -t sets the time, compared by find -newer
touch -t 200001010000 old; touch new; find . -newer old -name 'new'
#@ touch-r  touch: -r takes another file's time
touch -t 200001010000 ref; touch f; touch -r ref f; find . -newer ref -name f; echo end
#@ find-name  find: -name with a pattern
mkdir -p d/e; touch d/a.c d/e/b.c d/e/c.h; find d -name '*.c' | sort
#@ find-type  find: -type d and -type f
mkdir -p d/e; touch d/f; find d -type d | sort; find d -type f
#@ find-all  find: lists the start point and everything under it
mkdir -p d/e; touch d/e/f; find d | sort
#@ find-not-or  find: ! and -o
mkdir d; touch d/a d/b d/c; find d -type f ! -name a | sort; find d \( -name a -o -name c \) | sort
#@ find-exec  find: -exec with {} and ;
mkdir d; echo hi > d/f; find d -type f -exec cat {} \;
#@ find-exec-plus  find: -exec with {} +
mkdir d; touch d/a d/b; find d -type f -exec echo {} + | tr ' ' '\n' | sort
#@ find-prune  find: -prune skips a directory
mkdir -p d/skip d/keep; touch d/skip/x d/keep/y; find d -name skip -prune -o -type f -print
#@ find-size-perm  find: -size and -perm
touch empty; echo 12345 > five; chmod 600 five; find . -type f -size 0 ; find . -perm 600
#@ find-depth  find: -depth lists contents before the directory
mkdir -p d/e; find d -depth
#@ find-missing  find: a missing start point is an error
find nonexistent 2>/dev/null; [ $? -ne 0 ] && echo failed
#@ basename  basename: the last part of a path
basename /a/b/c; basename /a/b/; basename c; basename /
#@ basename-suffix  basename: a suffix is removed unless it is the whole name
basename /a/b.txt .txt; basename .txt .txt; basename a.txt b
#@ dirname  dirname: the path without its last part
dirname /a/b/c; dirname /a/b/; dirname c; dirname /; dirname a/b
#@ chmod-umask-who  chmod: without who, + and - apply as a with the umask
touch f; chmod 444 f; umask 022; chmod +w f; ls -l f | cut -c1-10
#@ chmod-X  chmod: X sets execute on directories and on files that have some
mkdir d; touch f g; chmod 644 f; chmod 744 g; chmod a+X d f g; ls -ld d f g | cut -c1-10
#@ chmod-equals-empty  chmod: = with no permissions clears them
touch f; chmod 777 f; chmod go= f; ls -l f | cut -c1-10
#@ chmod-multi-clause  chmod: clauses apply left to right
touch f; chmod 000 f; chmod u=rw,u-w,g=u f; ls -l f | cut -c1-10
#@ mkdir-p-m  mkdir: -m applies to the last component; parents get the usual mode
umask 022; mkdir -p -m 700 a/b; ls -ld a a/b | cut -c1-10
#@ rm-dot  rm: . and .. are refused
mkdir d; cd d; rm -r . 2>/dev/null; echo "nonzero: $(( $? != 0 ))"; cd ..; test -d d && echo kept
#@ rm-f-no-operands  rm: -f with no operands is not an error
rm -f; echo $?
#@ rm-r-empty-dir  rm: -r an empty directory
mkdir e; rm -r e; test -e e || echo removed
#@ mv-into-itself  mv: a directory into itself is an error
mkdir d; mv d d/sub 2>/dev/null || echo failed; test -d d && echo kept
#@ mv-dir-onto-file  mv: a directory onto a file is an error
mkdir d; touch f; mv d f 2>/dev/null || echo failed
#@ cp-R-into-existing  cp: -R a directory to an existing directory makes it inside
mkdir -p s t; echo x > s/f; cp -R s t; ls t; cat t/s/f
#@ cp-overwrite  cp: copies over an existing file, keeping it as a file
echo new > a; echo old > b; cp a b; cat b
#@ cp-f  cp: -f replaces a file that cannot be opened for writing
echo new > a; echo old > b; chmod 444 b; cp -f a b; cat b
#@ ln-exists  ln: an existing destination without -f is an error
touch a b; ln a b 2>/dev/null || echo failed
#@ ln-s-dangling  ln: -s makes a link to a target that does not exist
ln -s nowhere l; test -h l && echo link; test -e l || echo dangling
#@ ln-s-relative  ln: a symbolic link's target is relative to the link's directory
mkdir d; echo in-d > d/t; ln -s t d/l; cat d/l
#@ find-print-explicit  find: with -print only what -print says is written
mkdir d; touch d/a d/b; find d -name a -print
#@ find-exec-status  find: -exec is true when the utility exits 0
mkdir d; echo x > d/full; : > d/empty; find d -type f -exec test -s {} \; -print
#@ find-size-c  find: -size Nc in bytes
echo 1234 > five; echo 1 > two; find . -type f -size 5c
#@ find-prune-top  find: ! -name . -prune lists only the top level
mkdir -p a/b; touch c a/d; find . ! -name . -prune | sort
#@ find-links  find: -links counts hard links
touch f; ln f g; touch h; find . -type f -links 2 | sort
#@ find-path  find: -path matches the whole path
mkdir -p d/e; touch d/e/f d/g; find d -path 'd/e/*'
#@ find-newer  find: -newer compares modification times
touch -t 200001010000 old; touch -t 201001010000 mid; touch -t 202001010000 new; find . -newer mid | sort
#@ basename-trailing  basename: trailing slashes are removed first
basename a/b//; basename ///
#@ dirname-trailing  dirname: trailing slashes are removed first
dirname a/b//; dirname a//b; dirname a/
#@ find-exec-script  find: -exec runs a utility that is a shell script
mkdir d; touch d/f; printf '#!/bin/sh\necho "got $1"\n' > show; chmod +x show; find d -type f -exec ./show {} \;
