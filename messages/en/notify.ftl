# Messages of notify
