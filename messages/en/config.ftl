# Messages of config

config-not-found = not found; every site needs a site.toml at its root (run in the site's folder or pass --root)
