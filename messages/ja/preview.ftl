# Messages of preview
