# Messages of s3: the `s3` target of `crisis-site publish`

## Keys, region and endpoint, before any request

s3-no-credentials = target `{ $target }` (bucket `{ $bucket }`) has no credentials; expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (with AWS_SESSION_TOKEN for temporary keys), or aws_access_key_id and aws_secret_access_key in the profile `{ $profile }` of { $credentials } or { $config } (AWS_PROFILE chooses another profile); nothing was sent
s3-env-half = target `{ $target }`: { $set } is set but { $missing } is not; expected both in the environment, or neither (to use a profile of ~/.aws/credentials); nothing was sent
s3-profile-half = target `{ $target }`: the profile `{ $profile }` of { $file } has { $set } but not { $missing }; expected both; nothing was sent
s3-profile-missing = target `{ $target }`: AWS_PROFILE names the profile `{ $profile }`, which neither { $credentials } nor { $config } has; expected the name of one of their profiles, or AWS_PROFILE unset for `default`; nothing was sent
s3-profile-indirect = target `{ $target }`: the profile `{ $profile }` of { $file } gets its keys through `{ $key }`, which crisis-site does not follow; expected aws_access_key_id and aws_secret_access_key in the profile, or the keys in the environment (`aws configure export-credentials --profile { $profile } --format env` prints them); nothing was sent
s3-file-invalid = target `{ $target }`: { $file } cannot be read as an AWS configuration file ({ $reason }); expected [profile] sections of `key = value` lines; nothing was sent
s3-source-env = AWS_ACCESS_KEY_ID in the environment
s3-source-profile = the profile `{ $profile }` of { $file }
s3-endpoint-invalid = target `{ $target }`: endpoint `{ $endpoint }` is not a web address; expected https://… (or http:// for a store on your own network), such as https://ACCOUNT.r2.cloudflarestorage.com; nothing was sent
s3-store-invalid = target `{ $target }`: the store at { $endpoint } cannot be set up ({ $reason }); expected an endpoint and region the store answers at; nothing was sent
s3-key-invalid = target `{ $target }`: { $path } cannot be an object key ({ $reason }); nothing was sent
s3-runtime = target `{ $target }`: cannot start the network runtime to send

## The listing, which fails before anything is written

s3-unreachable = target `{ $target }`: cannot reach { $endpoint } to list bucket `{ $bucket }` ({ $reason }); nothing was sent. Check the endpoint (site.toml's `endpoint` or AWS_ENDPOINT_URL) and the network
s3-denied = target `{ $target }`: { $endpoint } refused the keys of { $source } for bucket `{ $bucket }` ({ $reason }); nothing was sent. Check the key id and its secret, and that the key may list, write and delete in the bucket
s3-no-bucket = target `{ $target }`: { $endpoint } has no bucket `{ $bucket }` ({ $reason }); nothing was sent. Check the bucket's name in location `{ $location }`, the region and the endpoint, or create the bucket first
s3-list-failed = target `{ $target }`: listing bucket `{ $bucket }` at { $endpoint } failed ({ $reason }); nothing was sent

## Sending

s3-put-failed = target `{ $target }`: sending { $path } to bucket `{ $bucket }` at { $endpoint } failed ({ $reason }); the files sent before it are in the bucket and nothing was deleted, so readers still get a whole site; publish again to finish
s3-delete-failed = target `{ $target }`: deleting { $path } from bucket `{ $bucket }` at { $endpoint } failed ({ $reason }); every new and changed file was sent, and some removed ones are still in the bucket; publish again to delete them

## Reasons

s3-reason-status = HTTP { $status } { $code }: { $text }
s3-reason-bare = HTTP { $status }
s3-reason-network = { $text }
