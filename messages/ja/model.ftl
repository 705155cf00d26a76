# Messages of model
