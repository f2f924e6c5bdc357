//! The tantivy schema and how a [`SearchDoc`] becomes a tantivy document.
use tantivy::schema::{Facet, FacetOptions, Field, Schema, FAST, INDEXED, STORED, TEXT};
use tantivy::TantivyDocument;

use crate::search::{document, FacetKey, SearchDoc};
use model::{Currency, Locale};

#[derive(Clone)]
pub struct Fields {
    pub id: Field,
    /// Per language, its searchable fields with their weight.
    searchable: Vec<(Locale, Vec<(Field, f32)>)>,
    pub price_min: Field,
    pub created: Field,
    pub rating_rank: Field,
}

impl Fields {
    pub fn of(schema: &Schema) -> tantivy::Result<Self> {
        let mut searchable = Vec::new();
        for locale in Locale::ALL {
            let fields = document::searchable_in(*locale)
                .iter()
                .map(|(name, w)| schema.get_field(name).map(|f| (f, *w)))
                .collect::<Result<_, _>>()?;
            searchable.push((*locale, fields));
        }
        Ok(Self {
            id: schema.get_field("id")?,
            searchable,
            price_min: schema.get_field("price_min")?,
            created: schema.get_field("created")?,
            rating_rank: schema.get_field("rating_rank")?,
        })
    }

    /// What a search in `locale` reads.
    pub fn searchable(&self, locale: Locale) -> &[(Field, f32)] {
        self.searchable
            .iter()
            .find(|(l, _)| *l == locale)
            .map_or(&[], |(_, f)| f.as_slice())
    }
}

pub fn facet_field(key: FacetKey) -> String {
    format!("f_{}", key.field())
}

pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_i64_field("id", INDEXED | STORED | FAST);
    for (name, _) in document::searchable_fields() {
        b.add_text_field(&name, TEXT);
    }
    for key in FacetKey::ALL {
        b.add_facet_field(&facet_field(key), FacetOptions::default());
    }
    b.add_i64_field("price_min", FAST);
    for currency in Currency::ALL {
        b.add_i64_field(document::price_field(currency), FAST);
    }
    b.add_i64_field("created", FAST);
    b.add_i64_field("rating_rank", FAST);
    b.build()
}

pub fn to_document(
    schema: &Schema,
    fields: &Fields,
    d: &SearchDoc,
) -> tantivy::Result<TantivyDocument> {
    let mut doc = TantivyDocument::default();
    doc.add_i64(fields.id, i64::from(d.id));
    for (name, _) in document::searchable_fields() {
        let field = schema.get_field(&name)?;
        for value in d.texts(&name) {
            doc.add_text(field, &value);
        }
    }
    for key in FacetKey::ALL {
        let field = schema.get_field(&facet_field(key))?;
        let values: Vec<String> = match key {
            FacetKey::Category => d.categories.clone(),
            FacetKey::Brand => vec![d.brand.clone()],
            FacetKey::Price => d.price_bucket.clone(),
            FacetKey::Option => d.options.clone(),
            FacetKey::Stock => vec![d.stock.clone()],
            FacetKey::Rating => d.rating_floor.clone(),
            FacetKey::Attribute => d.attributes.clone(),
        };
        for v in values {
            doc.add_facet(field, Facet::from_path([v]));
        }
    }
    doc.add_i64(fields.price_min, d.price_min);
    for currency in Currency::ALL {
        let field = schema.get_field(document::price_field(currency))?;
        doc.add_i64(field, d.price_in(currency));
    }
    doc.add_i64(fields.created, d.created);
    doc.add_i64(fields.rating_rank, d.rating_rank);
    Ok(doc)
}
