# Messages of git
