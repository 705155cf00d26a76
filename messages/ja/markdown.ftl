# Messages of markdown
