print("libdir/_plain_mod.py: shadowed by the script directory's _plain_mod.py")
