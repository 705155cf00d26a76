# Messages of load
