# Messages of output
