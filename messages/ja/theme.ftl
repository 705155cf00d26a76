# Messages of theme
