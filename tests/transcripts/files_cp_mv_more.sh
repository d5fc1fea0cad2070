# cp and mv: -n and -i (answers from stdin), -t and -T, cp -p.
rm -rf /tmp/files_cpmv.d && mkdir /tmp/files_cpmv.d && cd /tmp/files_cpmv.d
echo old > dst; echo new > src
echo "--- -n never replaces"
cp -n src dst; cat dst
mv -n src dst; cat dst src
echo "--- -i asks"
echo n | cp -i src dst; cat dst
echo y | cp -i src dst; cat dst
echo old > dst
echo n | mv -i src dst; cat dst
echo y | mv -i src dst; cat dst; ls src 2>&1 | head -1
echo "--- -t and -T"
mkdir into; echo a > a; echo b > b
cp -t into a b; ls into
mv -t into a; ls into; ls a 2>&1 | head -1
mkdir d2
cp -T b d2 2>&1 | head -1
cp -r -T into copy; ls copy
mv -T copy moved; ls moved
cp -t nodir b; echo "status $?"
cp -T b c d; echo "status $?"
echo "--- cp -p keeps the mode"
echo x > m; chmod 777 m
cp m m_plain; cp -p m m_kept
ls -l m_plain m_kept | cut -c1-10
cd /tmp && rm -r /tmp/files_cpmv.d
