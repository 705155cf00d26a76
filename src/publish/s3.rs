//! An `s3` target: a bucket (or a folder of one) of an S3-compatible object store,
//! AWS S3, Cloudflare R2, MinIO and the like, through object_store.
//!
//! A send lists what the bucket holds under the prefix, compares each object's ETag
//! (the MD5 of its bytes, for an object sent in one part) with the MD5 of the staged
//! file, then puts the new and changed assets, then the pages, each with its
//! Content-Type and Cache-Control, a few at a time, and deletes what the site no
//! longer has last. The listing comes first, so an unreachable store, refused keys or
//! a missing bucket fail before anything is written; and as deletions come last, a
//! send that fails half-way leaves readers a whole site (old pages, new assets).

mod bounded;
mod credentials;
mod failure;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use md5::{Digest, Md5};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as Key;
use object_store::{
    Attribute, Attributes, BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutOptions,
    PutPayload, RetryConfig,
};
use tokio_stream::StreamExt as _;

use super::{Changes, Class, Host, Staged};
use crate::base::text::hex;
use crate::base::{Error, Message};
use crate::model::config::{Destination, Target};
use crate::msg;
use bounded::{Job, Request, bounded};
use credentials::{Settings, Wanted};
use failure::{Failure, classify};

/// object_store's own retries of one request: few and short, since the command
/// tries the whole send again (`retries` in site.toml), and a publish has its minute.
fn retry_config() -> RetryConfig {
    RetryConfig {
        backoff: BackoffConfig {
            init_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(2),
            base: 2.0,
        },
        max_retries: 2,
        retry_timeout: Duration::from_secs(20),
    }
}

/// A bucket of an S3-compatible object store.
pub struct S3Host {
    target: String,
    location: String,
    bucket: String,
    prefix: String,
    endpoint: Option<String>,
    region: Option<String>,
}

/// Where a send goes, as its messages name it.
struct Place {
    target: String,
    bucket: String,
    location: String,
    /// The address requests go to.
    endpoint: String,
    /// Where the keys came from.
    source: Message,
}

impl S3Host {
    /// The host of `target`, whose destination is a bucket.
    pub fn new(target: &Target) -> S3Host {
        let Destination::S3 {
            bucket,
            prefix,
            endpoint,
            region,
        } = &target.destination
        else {
            panic!("S3Host::new is given s3 targets only");
        };
        S3Host {
            target: target.name.to_string(),
            location: target.location.clone(),
            bucket: bucket.clone(),
            prefix: prefix.clone(),
            endpoint: endpoint.clone(),
            region: region.clone(),
        }
    }

    /// The key of the site's file `path`: under the prefix, without a leading `/`.
    fn key(&self, path: &str) -> Result<Key, Error> {
        let key = if self.prefix.is_empty() {
            path.to_string()
        } else {
            format!("{}/{path}", self.prefix)
        };
        Key::parse(&key).map_err(|e| {
            Error::Refused(msg!(
                "s3-key-invalid",
                target = self.target.clone(),
                path,
                reason = e.to_string()
            ))
        })
    }

    /// The store, and the place its messages name, from `settings`.
    fn store(&self, settings: Settings) -> Result<(AmazonS3, Place), Error> {
        let region = settings
            .region
            .clone()
            .unwrap_or_else(|| "us-east-1".to_string());
        let mut options = ClientOptions::new()
            .with_timeout(Duration::from_secs(30))
            .with_connect_timeout(Duration::from_secs(5));
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&self.bucket)
            .with_region(&region)
            .with_access_key_id(&settings.key_id)
            .with_secret_access_key(&settings.secret)
            .with_retry(retry_config());
        if let Some(token) = &settings.token {
            builder = builder.with_token(token);
        }
        let endpoint = match &settings.endpoint {
            Some(endpoint) => {
                let url = url::Url::parse(endpoint)
                    .ok()
                    .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
                let Some(url) = url else {
                    return Err(Error::Refused(msg!(
                        "s3-endpoint-invalid",
                        target = self.target.clone(),
                        endpoint = endpoint.clone()
                    )));
                };
                options = options.with_allow_http(url.scheme() == "http");
                // Other stores than AWS's answer at one address for every bucket
                // (path-style: ENDPOINT/BUCKET/KEY).
                builder = builder
                    .with_endpoint(endpoint.trim_end_matches('/'))
                    .with_virtual_hosted_style_request(false);
                endpoint.trim_end_matches('/').to_string()
            }
            // A bucket name with a dot breaks the certificate of a virtual host.
            None if self.bucket.contains('.') => format!("https://s3.{region}.amazonaws.com"),
            None => {
                builder = builder.with_virtual_hosted_style_request(true);
                format!("https://{}.s3.{region}.amazonaws.com", self.bucket)
            }
        };
        let store = builder.with_client_options(options).build().map_err(|e| {
            Error::Refused(msg!(
                "s3-store-invalid",
                target = self.target.clone(),
                endpoint = endpoint.clone(),
                reason = e.to_string()
            ))
        })?;
        let place = Place {
            target: self.target.clone(),
            bucket: self.bucket.clone(),
            location: self.location.clone(),
            endpoint,
            source: settings.source,
        };
        Ok((store, place))
    }

    /// Every object under the prefix: its path in the site with its ETag (unquoted,
    /// lowercase), and its key. Paginated by object_store.
    async fn held(
        &self,
        store: &AmazonS3,
        place: &Place,
    ) -> Result<BTreeMap<String, (String, Key)>, Error> {
        let prefix = (!self.prefix.is_empty()).then(|| Key::from(self.prefix.as_str()));
        let mut listing = store.list(prefix.as_ref());
        let mut held = BTreeMap::new();
        while let Some(object) = listing.next().await {
            let object = object.map_err(|e| listing_failed(place, &e))?;
            let key = object.location.as_ref();
            let path = match self.prefix.as_str() {
                "" => Some(key),
                prefix => key.strip_prefix(prefix).and_then(|k| k.strip_prefix('/')),
            };
            // A console's "folder" object (`site/`) is listed as the prefix itself: it
            // is no file of the site, and deleting it would be done again every time.
            let Some(path) = path.filter(|p| !p.is_empty()) else {
                continue;
            };
            let etag = object.e_tag.as_deref().map(etag).unwrap_or_default();
            held.insert(path.to_string(), (etag, object.location.clone()));
        }
        Ok(held)
    }
}

/// An ETag as an MD5 in lowercase hex would be: without quotes or a weak mark.
fn etag(tag: &str) -> String {
    tag.trim_start_matches("W/")
        .trim_matches('"')
        .to_ascii_lowercase()
}

/// The message of a listing that failed: before anything was written.
fn listing_failed(place: &Place, error: &object_store::Error) -> Error {
    let (failure, reason) = classify(error);
    let target = place.target.clone();
    let bucket = place.bucket.clone();
    let endpoint = place.endpoint.clone();
    let message = match failure {
        Failure::Unreachable => msg!("s3-unreachable", target, bucket, endpoint, reason),
        Failure::Denied => msg!(
            "s3-denied",
            target,
            bucket,
            endpoint,
            reason,
            source = place.source.clone()
        ),
        Failure::NoBucket => msg!(
            "s3-no-bucket",
            target,
            bucket,
            endpoint,
            reason,
            location = place.location.clone()
        ),
        Failure::Other => msg!("s3-list-failed", target, bucket, endpoint, reason),
    };
    // Keys refused or a bucket missing stay so however long one waits; a network
    // or a server failing may not.
    match failure {
        Failure::Denied | Failure::NoBucket => Error::Refused(message),
        Failure::Unreachable | Failure::Other => Error::Unavailable(message),
    }
}

impl Host for S3Host {
    fn send(&self, staged: &Staged) -> Result<Changes, Error> {
        let wanted = Wanted {
            target: &self.target,
            bucket: &self.bucket,
            endpoint: self.endpoint.as_deref(),
            region: self.region.as_deref(),
        };
        // Keys and addresses are checked before any request, so that a bad setting
        // is told as such and never as a failure of the store.
        let settings = credentials::settings(&wanted, &|name| std::env::var(name).ok())?;
        let keys = staged
            .entries
            .iter()
            .map(|e| self.key(&e.path))
            .collect::<Result<Vec<Key>, Error>>()?;
        let (store, place) = self.store(settings)?;
        let store = Arc::new(store);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io(msg!("s3-runtime", target = self.target.clone()), e))?;
        let held = runtime.block_on(self.held(&store, &place))?;
        let etags = held
            .iter()
            .map(|(path, (tag, _))| (path.clone(), tag.clone()))
            .collect();
        let changes = Changes::between(&etags, staged, |i| {
            Ok(hex(&Md5::digest(staged.bytes(i)?.as_ref())))
        })?;
        let (assets, pages): (Vec<usize>, Vec<usize>) = changes
            .sending_order(staged)
            .into_iter()
            .partition(|i| staged.entries[*i].class == Class::Asset);
        let put_failed = |path: String, e: object_store::Error| {
            let (target, bucket, endpoint, reason) = place.said(&e);
            Error::Unavailable(msg!(
                "s3-put-failed",
                target,
                bucket,
                endpoint,
                path,
                reason
            ))
        };
        // Every asset is in the bucket before the first page that may link to it.
        for group in [assets, pages] {
            let jobs = group.into_iter().map(|i| put(&store, staged, i, &keys[i]));
            runtime.block_on(bounded(jobs, put_failed))?;
        }
        let jobs = changes.removed.iter().map(|path| {
            let (store, key) = (Arc::clone(&store), held[path].1.clone());
            let request: Request = Box::pin(async move { store.delete(&key).await });
            Ok((path.clone(), request))
        });
        runtime.block_on(bounded(jobs, |path, e| {
            let (target, bucket, endpoint, reason) = place.said(&e);
            Error::Unavailable(msg!(
                "s3-delete-failed",
                target,
                bucket,
                endpoint,
                path,
                reason
            ))
        }))?;
        Ok(changes)
    }
}

impl Place {
    /// The values every message of a failed request names, with its reason.
    fn said(&self, error: &object_store::Error) -> (String, String, String, Message) {
        let (_, reason) = classify(error);
        (
            self.target.clone(),
            self.bucket.clone(),
            self.endpoint.clone(),
            reason,
        )
    }
}

/// The request that puts the staged file `index` at `key`, with its type and cache
/// lifetime.
fn put(store: &Arc<AmazonS3>, staged: &Staged, index: usize, key: &Key) -> Result<Job, Error> {
    let entry = &staged.entries[index];
    let payload = PutPayload::from(staged.bytes(index)?.into_owned());
    let mut attributes = Attributes::new();
    attributes.insert(Attribute::ContentType, entry.content_type.clone().into());
    attributes.insert(Attribute::CacheControl, entry.cache_control.into());
    let options = PutOptions {
        attributes,
        ..PutOptions::default()
    };
    let (store, key) = (Arc::clone(store), key.clone());
    let request: Request =
        Box::pin(async move { store.put_opts(&key, payload, options).await.map(|_| ()) });
    Ok((entry.path.clone(), request))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_read_as_md5_hex() {
        assert_eq!(
            etag("\"5D41402ABC4B2A76B9719D911017C592\""),
            "5d41402abc4b2a76b9719d911017c592"
        );
        assert_eq!(etag("W/\"abc\""), "abc");
    }
}
