# Messages of toml
