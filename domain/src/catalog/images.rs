//! Product images from staff uploads: the bytes must decode as PNG, JPEG,
//! WebP or GIF within size limits; they are re-encoded (which drops any
//! metadata or payload riding along), scaled to at most 1600 px, and a
//! 400 px thumbnail is written next to them.
use image::{DynamicImage, ImageFormat, ImageReader};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::io::Cursor;

use super::Catalog;
use crate::accounts::{Actor, Permission};
use crate::blocking::Work;
use crate::entities::{product, product_image, variant};
use crate::files::FileStore;
use crate::{Error, Result};

pub const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;
const MAX_SIDE: u32 = 1600;
/// The largest canvas an upload may declare, checked from its header before
/// any pixel is decoded: a 100 KB file can claim 20,000 × 20,000.
const MAX_PIXELS: u64 = 40_000_000;
const MAX_DECLARED_SIDE: u32 = 10_000;
const THUMB_SIDE: u32 = 400;
const MAX_IMAGES: u64 = 20;
/// Where uploaded product images live among the file store's keys.
const KEY_DIR: &str = "products/";
/// Where the photos on shoppers' reviews live (`crate::reviews`).
pub(crate) const REVIEW_DIR: &str = "reviews/";

/// `ab12.jpg` → `ab12-thumb.jpg`: the thumbnail written beside each upload.
fn thumb_of(file: &str) -> String {
    file.replacen('.', "-thumb.", 1)
}

/// The thumbnail's URL for an uploaded image: beside it, whichever store or
/// CDN serves it. Demo drawings are small already and are their own.
pub fn thumb_url(url: &str) -> String {
    for dir in [KEY_DIR, REVIEW_DIR] {
        if let Some((base, file)) = url.rsplit_once(&format!("/{dir}")) {
            if !file.contains('/') {
                return format!("{base}/{dir}{}", thumb_of(file));
            }
        }
    }
    url.to_owned()
}

/// The thumbnail's size for an image of `width` × `height` (both sides
/// within [`THUMB_SIDE`], the shape kept), for its `width`/`height` attributes.
pub fn thumb_size(width: i32, height: i32) -> (i32, i32) {
    let side = i64::from(THUMB_SIDE);
    let longest = i64::from(width.max(height));
    if longest <= side {
        return (width, height);
    }
    let scale = |n: i32| i32::try_from((i64::from(n) * side / longest).max(1)).unwrap_or(1);
    (scale(width), scale(height))
}

/// An upload as stored: where it is served from, and its size.
pub(crate) struct Stored {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// Checks and re-encodes an upload off the async threads ([`process`]),
/// then stores it and its thumbnail under `dir` with a fresh name.
pub(crate) async fn store_upload(
    files: &dyn FileStore,
    dir: &str,
    bytes: Vec<u8>,
) -> Result<Stored> {
    let processed = crate::blocking::run(Work::Image, move || process(&bytes)).await??;
    let file = format!("{}.{}", uuid::Uuid::new_v4().simple(), processed.extension);
    let url = files.put(&format!("{dir}{file}"), processed.full).await?;
    files
        .put(&format!("{dir}{}", thumb_of(&file)), processed.thumb)
        .await?;
    Ok(Stored {
        url,
        width: processed.width,
        height: processed.height,
    })
}

/// Deletes an upload stored under `dir` and its thumbnail; anything else
/// (the demo's shared drawings) stays. A file left behind is logged, not fatal.
pub(crate) async fn delete_upload(files: &dyn FileStore, dir: &str, url: &str) {
    let key = files.key_of(url);
    let Some(file) = key.as_deref().and_then(|k| k.strip_prefix(dir)) else {
        return;
    };
    for k in [file.to_owned(), thumb_of(file)] {
        if let Err(e) = files.delete(&format!("{dir}{k}")).await {
            tracing::warn!(error = %e, "could not delete an uploaded file");
        }
    }
}

/// An upload after checking and re-encoding.
pub struct Processed {
    pub full: Vec<u8>,
    pub thumb: Vec<u8>,
    pub extension: &'static str,
    pub width: u32,
    pub height: u32,
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).map_err(Error::internal)?;
    Ok(out.into_inner())
}

/// Checks and re-encodes one upload: photos as JPEG, images with
/// transparency as PNG.
pub fn process(bytes: &[u8]) -> Result<Processed> {
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(Error::validation(
            "image",
            format!("Images can be up to {} MB.", MAX_UPLOAD_BYTES / 1024 / 1024),
        ));
    }
    let unreadable = || {
        Error::validation(
            "image",
            "That file isn't an image we can use. Upload a PNG, JPEG, WebP or GIF.",
        )
    };
    let open = || {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| unreadable())?;
        match reader.format() {
            Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP | ImageFormat::Gif) => {
                Ok(reader)
            }
            _ => Err(unreadable()),
        }
    };
    let (width, height) = open()?.into_dimensions().map_err(|_| unreadable())?;
    if width > MAX_DECLARED_SIDE
        || height > MAX_DECLARED_SIDE
        || u64::from(width) * u64::from(height) > MAX_PIXELS
    {
        return Err(Error::validation(
            "image",
            format!(
                "The image is {width} × {height} pixels; upload one of at most {} megapixels and {MAX_DECLARED_SIDE} pixels a side.",
                MAX_PIXELS / 1_000_000
            ),
        ));
    }
    // The header may lie about the size: decoding is capped as well.
    let mut reader = open()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DECLARED_SIDE);
    limits.max_image_height = Some(MAX_DECLARED_SIDE);
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    let img = reader.decode().map_err(|_| unreadable())?;
    if img.width() < 16 || img.height() < 16 {
        return Err(Error::validation(
            "image",
            "The image is too small (at least 16 × 16 pixels).",
        ));
    }
    let img = if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3)
    } else {
        img
    };
    let thumb = img.thumbnail(THUMB_SIDE, THUMB_SIDE);
    let (format, extension, img, thumb) = if img.color().has_alpha() {
        (ImageFormat::Png, "png", img, thumb)
    } else {
        (
            ImageFormat::Jpeg,
            "jpg",
            DynamicImage::ImageRgb8(img.to_rgb8()),
            DynamicImage::ImageRgb8(thumb.to_rgb8()),
        )
    };
    Ok(Processed {
        full: encode(&img, format)?,
        thumb: encode(&thumb, format)?,
        extension,
        width: img.width(),
        height: img.height(),
    })
}

pub use model::catalog::AdminImage;

impl Catalog {
    pub async fn product_images(&self, actor: &Actor, slug: &str) -> Result<Vec<AdminImage>> {
        actor.require(Permission::Catalog)?;
        let p = self.product_by_slug(slug).await?;
        Ok(product_image::Entity::find()
            .filter(product_image::Column::ProductId.eq(p.id))
            .order_by_asc(product_image::Column::Position)
            .order_by_asc(product_image::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| AdminImage {
                id: i.id,
                url: i.url,
                alt: i.alt,
                width: i.width,
                height: i.height,
            })
            .collect())
    }

    async fn product_by_slug(&self, slug: &str) -> Result<product::Model> {
        product::Entity::find()
            .filter(product::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .ok_or(Error::not_found("product"))
    }

    /// Adds an uploaded image after the product's others.
    pub async fn add_image(
        &self,
        actor: &Actor,
        files: &dyn FileStore,
        slug: &str,
        alt: &str,
        bytes: Vec<u8>,
    ) -> Result<AdminImage> {
        actor.require(Permission::Catalog)?;
        let p = self.product_by_slug(slug).await?;
        let count = product_image::Entity::find()
            .filter(product_image::Column::ProductId.eq(p.id))
            .count(&self.db)
            .await?;
        if count >= MAX_IMAGES {
            return Err(Error::validation(
                "image",
                format!("A product can have up to {MAX_IMAGES} images."),
            ));
        }
        let stored = store_upload(files, KEY_DIR, bytes).await?;
        let alt = match alt.trim() {
            "" => p.title.clone(),
            a => a.chars().take(200).collect(),
        };
        let txn = crate::db::begin_write(&self.db).await?;
        let row = product_image::ActiveModel {
            product_id: Set(p.id),
            url: Set(stored.url),
            alt: Set(alt),
            position: Set(count as i32),
            width: Set(stored.width as i32),
            height: Set(stored.height as i32),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::audit::record(
            &txn,
            actor,
            "product.image_add",
            "product",
            slug,
            None,
            Some(serde_json::json!({ "url": row.url })),
        )
        .await?;
        crate::search::sync::enqueue(&txn, vec![p.id]).await?;
        txn.commit().await?;
        Ok(AdminImage {
            id: row.id,
            url: row.url,
            alt: row.alt,
            width: row.width,
            height: row.height,
        })
    }

    pub async fn remove_image(
        &self,
        actor: &Actor,
        files: &dyn FileStore,
        slug: &str,
        image_id: i32,
    ) -> Result<()> {
        actor.require(Permission::Catalog)?;
        let p = self.product_by_slug(slug).await?;
        let txn = crate::db::begin_write(&self.db).await?;
        let img = product_image::Entity::find_by_id(image_id)
            .filter(product_image::Column::ProductId.eq(p.id))
            .one(&txn)
            .await?
            .ok_or(Error::not_found("image"))?;
        variant::Entity::update_many()
            .col_expr(
                variant::Column::ImageId,
                sea_orm::sea_query::Expr::value(Option::<i32>::None),
            )
            .filter(variant::Column::ImageId.eq(img.id))
            .exec(&txn)
            .await?;
        product_image::Entity::delete_by_id(img.id)
            .exec(&txn)
            .await?;
        crate::audit::record(
            &txn,
            actor,
            "product.image_remove",
            "product",
            slug,
            Some(serde_json::json!({ "url": img.url })),
            None,
        )
        .await?;
        crate::search::sync::enqueue(&txn, vec![p.id]).await?;
        txn.commit().await?;
        delete_upload(files, KEY_DIR, &img.url).await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thumbnail_sits_beside_its_image_on_any_store() {
        assert_eq!(
            thumb_url("/uploads/products/ab12.jpg"),
            "/uploads/products/ab12-thumb.jpg"
        );
        assert_eq!(
            thumb_url("https://cdn.example.com/shop/products/ab12.webp"),
            "https://cdn.example.com/shop/products/ab12-thumb.webp"
        );
        assert_eq!(thumb_url("/uploads/demo/tee.svg"), "/uploads/demo/tee.svg");
        assert_eq!(thumb_size(1600, 1200), (400, 300));
        assert_eq!(thumb_size(300, 900), (133, 400));
        assert_eq!(thumb_size(120, 80), (120, 80));
        assert_eq!(
            thumb_url("/uploads/reviews/cd34.jpg"),
            "/uploads/reviews/cd34-thumb.jpg"
        );
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
        out
    }

    /// A ~100 KB PNG whose header declares a `side` × `side` canvas.
    fn lying_png(side: u32) -> Vec<u8> {
        let mut ihdr = side.to_be_bytes().to_vec();
        ihdr.extend_from_slice(&side.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &ihdr));
        png.extend(chunk(b"IDAT", &vec![0u8; 100_000]));
        png.extend(chunk(b"IEND", &[]));
        png
    }

    #[test]
    fn a_small_file_declaring_a_huge_canvas_is_refused_from_its_header() {
        let err = match process(&lying_png(20_000)) {
            Err(e) => e,
            Ok(_) => panic!("a 20000 × 20000 canvas must be refused"),
        };
        // The message names the declared size: refused from the header,
        // before decoding (which would have failed on the missing pixels).
        assert!(err.user_message().contains("20000 × 20000"), "{err}");
    }

    #[test]
    fn a_real_image_is_re_encoded() {
        let img = DynamicImage::new_rgb8(64, 48);
        let png = encode(&img, ImageFormat::Png).expect("encode");
        let out = process(&png).expect("processed");
        assert_eq!((out.width, out.height, out.extension), (64, 48, "jpg"));
    }
}
