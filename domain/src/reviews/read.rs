//! The published reviews of a product, as its page shows them.
use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::{
    active_product, author_label, rating_of, RatingSummary, ReviewQuery, ReviewSort, ReviewStatus,
    ReviewView, Reviews, ReviewsPage,
};
use crate::accounts::Actor;
use crate::entities::{review, review_photo, review_vote, user};
use crate::Result;
use model::reviews::PAGE_SIZE;
use model::storefront::Image;

/// Deeper pages are not offered: nobody reads the 500th page of reviews,
/// and an offset is work the database does for each skipped row.
const MAX_PAGE: u64 = 500;

#[derive(FromQueryResult)]
struct StarCount {
    rating: i16,
    count: i64,
}

fn ordered(select: Select<review::Entity>, sort: ReviewSort) -> Select<review::Entity> {
    use review::Column as C;
    let select = match sort {
        ReviewSort::Helpful => select.order_by_desc(C::HelpfulCount),
        ReviewSort::Newest => select,
        ReviewSort::Highest => select.order_by_desc(C::Rating),
        ReviewSort::Lowest => select.order_by_asc(C::Rating),
    };
    select.order_by_desc(C::CreatedAt).order_by_desc(C::Id)
}

pub(super) async fn photos<C: ConnectionTrait>(
    conn: &C,
    review_ids: &[i32],
) -> Result<HashMap<i32, Vec<Image>>> {
    let mut out: HashMap<i32, Vec<Image>> = HashMap::new();
    for p in photo_rows(conn, review_ids).await? {
        out.entry(p.review_id).or_default().push(photo_image(p));
    }
    Ok(out)
}

/// The reviews' photo rows, each review's in order.
pub(super) async fn photo_rows<C: ConnectionTrait>(
    conn: &C,
    review_ids: &[i32],
) -> Result<Vec<review_photo::Model>> {
    if review_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(review_photo::Entity::find()
        .filter(review_photo::Column::ReviewId.is_in(review_ids.iter().copied()))
        .order_by_asc(review_photo::Column::Position)
        .order_by_asc(review_photo::Column::Id)
        .all(conn)
        .await?)
}

/// A photo as a review shows it: the thumbnail written beside the upload
/// (lists show it small; the full size stays in the store).
pub(super) fn photo_image(p: review_photo::Model) -> Image {
    let (width, height) = crate::catalog::thumb_size(p.width, p.height);
    Image {
        url: crate::catalog::thumb_url(&p.url),
        alt: "Photo from a shopper's review".into(),
        width,
        height,
    }
}

pub(super) async fn names<C: ConnectionTrait>(
    conn: &C,
    user_ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, user::Model>> {
    let ids: Vec<i32> = user_ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

impl Reviews {
    /// A product's published reviews for `query`, with the ones `viewer`
    /// found helpful. The reviews are the same for every shopper and held
    /// between changes; only the viewer's votes are read each time.
    pub async fn page(
        &self,
        viewer: &Actor,
        slug: &str,
        query: &ReviewQuery,
    ) -> Result<ReviewsPage> {
        let shown = self
            .catalog
            .reviews(slug, query, published(&self.db, slug, query))
            .await?;
        let ids: Vec<i32> = shown.reviews.iter().map(|r| r.id).collect();
        let voted = match viewer.user_id() {
            Some(uid) if !ids.is_empty() => review_vote::Entity::find()
                .filter(review_vote::Column::UserId.eq(uid))
                .filter(review_vote::Column::ReviewId.is_in(ids))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|v| v.review_id)
                .collect(),
            _ => Vec::new(),
        };
        Ok(ReviewsPage {
            voted,
            ..shown.as_ref().clone()
        })
    }
}

/// The published reviews of `slug` for `query`, as every shopper sees them.
async fn published<C: ConnectionTrait>(
    db: &C,
    slug: &str,
    query: &ReviewQuery,
) -> Result<ReviewsPage> {
    let product = active_product(db, slug).await?;
    let published = || {
        review::Entity::find()
            .filter(review::Column::ProductId.eq(product.id))
            .filter(review::Column::Status.eq(ReviewStatus::Published.as_str()))
    };
    let mut histogram = [0u32; 5];
    let stars = published()
        .select_only()
        .column(review::Column::Rating)
        .column_as(review::Column::Id.count(), "count")
        .group_by(review::Column::Rating)
        .into_model::<StarCount>()
        .all(db)
        .await?;
    for s in stars {
        histogram[usize::from(rating_of(s.rating)) - 1] = u32::try_from(s.count).unwrap_or(0);
    }
    let stars = query.stars.filter(|s| (1..=5).contains(s));
    let filtered = match stars {
        Some(s) => published().filter(review::Column::Rating.eq(i16::from(s))),
        None => published(),
    };
    let total = match stars {
        Some(s) => u64::from(histogram[usize::from(s) - 1]),
        None => histogram.iter().map(|&n| u64::from(n)).sum(),
    };
    let page_count = total.div_ceil(PAGE_SIZE).clamp(1, MAX_PAGE);
    let page = query.page.clamp(1, page_count);
    let rows = ordered(filtered, query.sort)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut photos = photos(db, &ids).await?;
    let authors = names(db, rows.iter().map(|r| r.user_id)).await?;
    let reviews = rows
        .into_iter()
        .map(|r| ReviewView {
            id: r.id,
            author: author_label(authors.get(&r.user_id).map_or("", |u| u.name.as_str())),
            rating: rating_of(r.rating),
            title: r.title,
            body: r.body,
            verified: r.verified,
            date: r
                .created_at
                .date()
                .format(crate::typed::DAY)
                .unwrap_or_default(),
            helpful: u32::try_from(r.helpful_count).unwrap_or(0),
            photos: photos.remove(&r.id).unwrap_or_default(),
            reply: r.reply,
        })
        .collect();
    Ok(ReviewsPage {
        summary: RatingSummary::new(product.review_count, product.rating_sum).unwrap_or_default(),
        histogram,
        reviews,
        query: ReviewQuery {
            sort: query.sort,
            stars,
            page,
        },
        page_count,
        voted: Vec::new(),
    })
}

/// A few of the newest published reviews, with their authors' labels, for
/// the product's JSON-LD.
pub(crate) async fn latest<C: ConnectionTrait>(
    conn: &C,
    product_id: i32,
    n: u64,
) -> Result<Vec<(String, review::Model)>> {
    let rows = review::Entity::find()
        .filter(review::Column::ProductId.eq(product_id))
        .filter(review::Column::Status.eq(ReviewStatus::Published.as_str()))
        .order_by_desc(review::Column::CreatedAt)
        .limit(n)
        .all(conn)
        .await?;
    let authors = names(conn, rows.iter().map(|r| r.user_id)).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let name = author_label(authors.get(&r.user_id).map_or("", |u| u.name.as_str()));
            (name, r)
        })
        .collect())
}
