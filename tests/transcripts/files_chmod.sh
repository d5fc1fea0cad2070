# chmod: octal and symbolic modes, the umask, X, copying bits, -R -v -c -f,
# --reference, errors.
rm -rf /tmp/files_chmod.d && mkdir /tmp/files_chmod.d && cd /tmp/files_chmod.d
: > f; mkdir d; : > d/inner
show() { ls -ld "$@" | cut -c1-10; }
chmod 644 f; show f
chmod 755 f; show f
chmod 0 f; show f
chmod u+rw f; show f
chmod go+r f; show f
chmod a+x,u-x f; show f
chmod u=rwx,g=rx,o= f; show f
chmod g=u f; show f
chmod o+g f; show f
chmod a-rwx f; show f
chmod +x f; show f
chmod =r f; show f
chmod u+s,g+s f; show f
chmod +t d; show d
chmod 600 f; chmod a+X f; show f
chmod a-x d; chmod a+X d; show d
chmod -w f; show f
chmod -R 700 d; show d d/inner
chmod -v 644 f
chmod -v 644 f
chmod -c 600 f
chmod -c 600 f
chmod --reference=d f; show f
echo "--- errors"
chmod 999 f; echo "status $?"
chmod u+q f; echo "status $?"
chmod 644 nofile; echo "status $?"
chmod -f 644 nofile; echo "status $?"
chmod 644; echo "status $?"
cd /tmp && rm -r /tmp/files_chmod.d
