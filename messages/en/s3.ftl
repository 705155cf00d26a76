# Messages of s3
