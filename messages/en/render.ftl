# Messages of render
