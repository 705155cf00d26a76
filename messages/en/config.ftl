# Messages of config
