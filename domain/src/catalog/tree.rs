//! The category tree, loaded whole (it is small) and walked in memory.
use std::collections::HashMap;

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use model::storefront::CategoryText;
use model::Locale;

use super::attributes::HeldAttribute;
use super::types::{CategoryNode, CategoryRef};
use crate::entities::category;

/// One held copy of the tree. A copy read before a change is not kept
/// after it (the generation moved on while it was being read).
#[derive(Default)]
pub(super) struct Held {
    tree: std::sync::RwLock<Option<std::sync::Arc<CategoryTree>>>,
    generation: std::sync::atomic::AtomicU64,
}

impl Held {
    pub(super) fn get(&self) -> Option<std::sync::Arc<CategoryTree>> {
        self.tree
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    pub(super) fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    pub(super) fn keep(&self, generation: u64, tree: std::sync::Arc<CategoryTree>) {
        let mut held = self
            .tree
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.generation() == generation {
            *held = Some(tree);
        }
    }

    /// A poisoned lock still guards: forgetting must never be skipped.
    pub(super) fn forget(&self) {
        let mut held = self
            .tree
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        *held = None;
    }
}

#[derive(Clone, Debug)]
pub struct CategoryTree {
    nodes: Vec<category::Model>,
    by_id: HashMap<i32, usize>,
    children: HashMap<Option<i32>, Vec<usize>>,
    /// Every category's attribute definitions, in category then position
    /// order: held with the tree because the change feed forgets both when
    /// a definition changes (its rows name the category).
    attributes: Vec<HeldAttribute>,
    /// Names and descriptions in the other languages, by category: held
    /// with the tree because the change feed names the category when one
    /// changes.
    texts: HashMap<i32, Vec<CategoryText>>,
}

impl CategoryTree {
    /// The tree with its attribute definitions.
    pub async fn load<C: ConnectionTrait>(db: &C) -> crate::Result<Self> {
        let nodes = category::Entity::find()
            .order_by_asc(category::Column::Position)
            .order_by_asc(category::Column::Id)
            .all(db)
            .await?;
        let mut tree = Self::from_models(nodes);
        tree.attributes = super::attributes::load(db, &tree).await?;
        tree.texts = super::category_texts::load(db).await?;
        Ok(tree)
    }

    pub fn from_models(nodes: Vec<category::Model>) -> Self {
        let by_id = nodes.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut children: HashMap<Option<i32>, Vec<usize>> = HashMap::new();
        for (i, c) in nodes.iter().enumerate() {
            children.entry(c.parent_id).or_default().push(i);
        }
        Self {
            nodes,
            by_id,
            children,
            attributes: Vec::new(),
            texts: HashMap::new(),
        }
    }

    /// Every category, in position order.
    pub fn all(&self) -> &[category::Model] {
        &self.nodes
    }

    pub fn attributes(&self) -> &[HeldAttribute] {
        &self.attributes
    }

    pub fn attribute(&self, code: &str) -> Option<&HeldAttribute> {
        self.attributes.iter().find(|a| a.def.code == code)
    }

    /// What a product of category `id` carries: its ancestors' attributes
    /// first, then its own.
    pub fn attributes_for(&self, id: i32) -> Vec<&HeldAttribute> {
        self.path_to(id)
            .iter()
            .flat_map(|c| self.attributes.iter().filter(|a| a.category_id == c.id))
            .collect()
    }

    /// "Men › Tops › T-Shirts", as staff read it.
    pub fn label(&self, id: i32) -> String {
        self.label_in(id, Locale::En)
    }

    /// "Damen › Oberteile › T-Shirts"
    pub fn label_in(&self, id: i32, locale: Locale) -> String {
        self.path_to(id)
            .iter()
            .map(|c| self.name_in(c, locale))
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// `id`'s names and descriptions in the languages they are written in.
    pub fn texts_of(&self, id: i32) -> &[CategoryText] {
        self.texts.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The name shoppers read in `locale` (the English where none is
    /// written).
    pub fn name_in<'a>(&'a self, c: &'a category::Model, locale: Locale) -> &'a str {
        self.texts_of(c.id)
            .iter()
            .find(|t| t.locale == locale)
            .map_or(c.name.as_str(), |t| t.name.as_str())
    }

    /// A link to `c` with its name in every language, for a page held
    /// once and shown in any (`presented`).
    pub fn reference(&self, c: &category::Model) -> CategoryRef {
        CategoryRef {
            slug: c.slug.clone(),
            name: c.name.clone(),
            names: self
                .texts_of(c.id)
                .iter()
                .map(|t| (t.locale, t.name.clone()))
                .collect(),
        }
    }

    pub fn by_slug(&self, slug: &str) -> Option<&category::Model> {
        self.nodes.iter().find(|c| c.slug == slug)
    }

    pub fn get(&self, id: i32) -> Option<&category::Model> {
        self.by_id.get(&id).map(|&i| &self.nodes[i])
    }

    pub fn children_of(&self, id: Option<i32>) -> impl Iterator<Item = &category::Model> {
        self.children
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&i| &self.nodes[i])
    }

    /// Root first, `id` last. Stops on a cycle instead of looping forever.
    pub fn path_to(&self, id: i32) -> Vec<&category::Model> {
        let mut path = Vec::new();
        let mut current = self.get(id);
        while let Some(c) = current {
            if path.iter().any(|p: &&category::Model| p.id == c.id) {
                break;
            }
            path.push(c);
            current = c.parent_id.and_then(|p| self.get(p));
        }
        path.reverse();
        path
    }

    /// `id` and everything below it.
    pub fn subtree_ids(&self, id: i32) -> Vec<i32> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            let parent = out[i];
            for child in self.children_of(Some(parent)) {
                if !out.contains(&child.id) {
                    out.push(child.id);
                }
            }
            i += 1;
        }
        out
    }

    pub fn breadcrumbs(&self, id: i32) -> Vec<CategoryRef> {
        self.path_to(id)
            .into_iter()
            .map(|c| self.reference(c))
            .collect()
    }

    /// Top levels with their children, for navigation in `locale`.
    pub fn navigation(&self, depth: usize, locale: Locale) -> Vec<CategoryNode> {
        self.nodes_under(None, depth, locale)
    }

    fn nodes_under(&self, parent: Option<i32>, depth: usize, locale: Locale) -> Vec<CategoryNode> {
        if depth == 0 {
            return Vec::new();
        }
        self.children_of(parent)
            .map(|c| CategoryNode {
                slug: c.slug.clone(),
                name: self.name_in(c, locale).to_owned(),
                children: self.nodes_under(Some(c.id), depth - 1, locale),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(id: i32, parent: Option<i32>, slug: &str) -> category::Model {
        category::Model {
            id,
            parent_id: parent,
            slug: slug.into(),
            name: slug.to_uppercase(),
            description: String::new(),
            position: id,
            created_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    fn tree() -> CategoryTree {
        CategoryTree::from_models(vec![
            cat(1, None, "women"),
            cat(2, Some(1), "women-tops"),
            cat(3, Some(2), "women-tops-t-shirts"),
            cat(4, Some(2), "women-tops-blouses"),
            cat(5, None, "men"),
        ])
    }

    #[test]
    fn subtree_includes_all_levels() {
        let mut ids = tree().subtree_ids(1);
        ids.sort();
        assert_eq!(ids, vec![1, 2, 3, 4]);
        assert_eq!(tree().subtree_ids(5), vec![5]);
    }

    #[test]
    fn breadcrumbs_run_root_to_leaf() {
        let slugs: Vec<String> = tree().breadcrumbs(3).into_iter().map(|c| c.slug).collect();
        assert_eq!(slugs, vec!["women", "women-tops", "women-tops-t-shirts"]);
    }

    #[test]
    fn navigation_respects_depth() {
        let nav = tree().navigation(2, Locale::En);
        assert_eq!(nav.len(), 2);
        assert_eq!(nav[0].children.len(), 1);
        assert!(nav[0].children[0].children.is_empty());
    }

    #[test]
    fn a_translated_name_shows_in_its_language_only() {
        let mut t = tree();
        t.texts.insert(
            1,
            vec![CategoryText {
                locale: Locale::De,
                name: "Damen".into(),
                description: String::new(),
            }],
        );
        assert_eq!(t.navigation(2, Locale::De)[0].name, "Damen");
        assert_eq!(t.navigation(2, Locale::Fr)[0].name, "WOMEN");
        assert_eq!(t.label_in(2, Locale::De), "Damen › WOMEN-TOPS");
        assert_eq!(t.label(2), "WOMEN › WOMEN-TOPS");
        let crumbs = t.breadcrumbs(2);
        assert_eq!(crumbs[0].names, [(Locale::De, "Damen".to_owned())]);
        assert!(crumbs[1].names.is_empty());
    }

    #[test]
    fn cycles_do_not_hang() {
        let t = CategoryTree::from_models(vec![cat(1, Some(2), "a"), cat(2, Some(1), "b")]);
        assert_eq!(t.path_to(1).len(), 2);
        assert_eq!(t.subtree_ids(1).len(), 2);
    }
}
