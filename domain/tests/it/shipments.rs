//! Orders shipped in parcels: the lines' shipped counts drive the order's
//! status, nothing ships twice (also when two staff ship at once), and each
//! parcel is mailed, audited and on the timeline.
use std::sync::Arc;

use domain::accounts::{Actor, Permission, Role};
use domain::cart::CartOwner;
use domain::orders::OrderStatus;
use model::commerce::{Carrier, NewShipment, ShipLine};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use testkit::for_each_backend;
use testkit::TestDatabase;

use crate::support::*;

const LARGE: &str = "TEE-RED-L";

fn staff() -> Actor {
    Actor::user(900, Role::Staff, vec![Permission::Orders], false)
}

/// A paid guest order of `m` of SKU and `l` of LARGE.
async fn paid_two_line_order(s: &Shop, m: i64, l: i64) -> String {
    let carts = s.commerce.carts();
    let cart = carts
        .add(&CartOwner::Guest(None), SKU, m)
        .await
        .expect("add");
    let owner = CartOwner::Guest(cart.id);
    carts.add(&owner, LARGE, l).await.expect("add large");
    place_and_pay(s, &owner, "ship@example.com").await
}

fn parcel(carrier: &str, tracking: &str, lines: &[(&str, i64)]) -> NewShipment {
    NewShipment {
        carrier: carrier.into(),
        tracking_number: tracking.into(),
        lines: lines
            .iter()
            .map(|(sku, quantity)| ShipLine {
                sku: (*sku).into(),
                quantity: *quantity,
            })
            .collect(),
    }
}

async fn shipped_mails(s: &Shop) -> Vec<String> {
    domain::entities::outbox_message::Entity::find()
        .filter(domain::entities::outbox_message::Column::Kind.eq("mail"))
        .all(&s.db)
        .await
        .expect("outbox")
        .into_iter()
        .map(|m| m.payload)
        .filter(|p| p.contains("on its way"))
        .collect()
}

async fn shipment_rows(s: &Shop) -> u64 {
    domain::entities::shipment::Entity::find()
        .count(&s.db)
        .await
        .expect("shipments")
}

for_each_backend!(
    split_shipments_drive_the_order_status,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        stock(&s, LARGE, 5, 0).await;
        let n = paid_two_line_order(&s, 2, 1).await;
        let staff = staff();

        // First parcel: one of the two M tees, with UPS.
        let v = s
            .orders
            .ship(&staff, &n, &parcel("ups", " 1Z 999 AA1 ", &[(SKU, 1)]))
            .await
            .expect("first parcel");
        assert_eq!(v.status, OrderStatus::PartiallyShipped);
        assert_eq!(v.shipments.len(), 1);
        let first = &v.shipments[0];
        assert_eq!(first.carrier, "UPS");
        assert_eq!(first.tracking_number, "1Z999AA1");
        assert_eq!(
            first.tracking_url.as_deref(),
            Some("https://www.ups.com/track?tracknum=1Z999AA1")
        );
        assert_eq!(first.lines.len(), 1);
        assert_eq!(
            (first.lines[0].sku.as_str(), first.lines[0].quantity),
            (SKU, 1)
        );
        let shipped: Vec<_> = v
            .lines
            .iter()
            .map(|l| (l.sku.as_str(), l.shipped))
            .collect();
        assert_eq!(shipped, vec![(SKU, 1), (LARGE, 0)]);
        assert!(
            !v.can_cancel,
            "a partly shipped order can't be cancelled by its buyer"
        );
        let mails = shipped_mails(&s).await;
        assert_eq!(mails.len(), 1, "one mail per parcel");
        assert!(mails[0].contains("part of order"), "{}", mails[0]);

        // Refused without changing anything: more than is left, a SKU not in
        // the order, a line named twice, nothing to ship, unknown carrier,
        // a tracking number that is not one, and a caller without the right.
        for (bad, why) in [
            (parcel("ups", "X1", &[(SKU, 2)]), "over the rest"),
            (parcel("ups", "X1", &[("NOPE", 1)]), "not in the order"),
            (parcel("ups", "X1", &[(SKU, 1), (SKU, 1)]), "twice"),
            (parcel("ups", "X1", &[(SKU, 0)]), "nothing"),
            (parcel("ups", "X1", &[(SKU, -1)]), "negative"),
            (parcel("pigeon", "X1", &[]), "carrier"),
            (parcel("ups", "<b>1</b>", &[]), "tracking"),
            (parcel("ups", "", &[]), "empty tracking"),
        ] {
            let err = s.orders.ship(&staff, &n, &bad).await.expect_err(why);
            assert!(
                matches!(err, domain::Error::Validation { .. }),
                "{why}: {err:?}"
            );
        }
        let catalog_only = Actor::user(901, Role::Staff, vec![Permission::Catalog], false);
        assert!(matches!(
            s.orders
                .ship(&catalog_only, &n, &parcel("ups", "X1", &[]))
                .await,
            Err(domain::Error::Forbidden)
        ));
        assert_eq!(shipment_rows(&s).await, 1, "refusals wrote nothing");
        assert_eq!(status(&s, &n).await, OrderStatus::PartiallyShipped);

        // The rest, with no lines named: everything left ships; a carrier
        // without a tracking page gives no link.
        let v = s
            .orders
            .ship(&staff, &n, &parcel("other", "LOCAL-7", &[]))
            .await
            .expect("the rest");
        assert_eq!(v.status, OrderStatus::Shipped);
        assert_eq!(v.shipments.len(), 2);
        let second = &v.shipments[1];
        assert_eq!(second.tracking_url, None);
        let mut contents: Vec<_> = second
            .lines
            .iter()
            .map(|l| (l.sku.as_str(), l.quantity))
            .collect();
        contents.sort_unstable();
        assert_eq!(contents, vec![(LARGE, 1), (SKU, 1)]);
        assert_eq!(v.tracking_number.as_deref(), Some("LOCAL-7"));
        assert!(v.lines.iter().all(|l| l.shipped == l.quantity));
        let mails = shipped_mails(&s).await;
        assert_eq!(mails.len(), 2);
        assert!(mails[1].contains("the rest of order"), "{}", mails[1]);
        let notes: Vec<_> = v
            .timeline
            .iter()
            .filter(|t| t.status.contains("shipped"))
            .map(|t| t.note.clone())
            .collect();
        assert_eq!(
            notes,
            vec![
                "1 item with UPS, tracking number 1Z999AA1".to_owned(),
                "2 items with Other carrier, tracking number LOCAL-7".to_owned(),
            ]
        );

        // Nothing is left: another parcel is a conflict, and the order
        // moves on as before.
        assert!(matches!(
            s.orders.ship(&staff, &n, &parcel("ups", "X2", &[])).await,
            Err(domain::Error::Conflict(_))
        ));
        let v = s
            .orders
            .advance(&staff, &n, OrderStatus::Delivered)
            .await
            .expect("delivered");
        assert_eq!(v.status, OrderStatus::Delivered);
        let audited = domain::entities::audit_entry::Entity::find()
            .filter(domain::entities::audit_entry::Column::EntityRef.eq(n.as_str()))
            .filter(domain::entities::audit_entry::Column::Action.eq("order.ship"))
            .count(&s.db)
            .await
            .expect("audit");
        assert_eq!(audited, 2, "each parcel is audited");
    }
);

for_each_backend!(
    unpaid_and_cancelled_orders_do_not_ship,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let owner = guest_cart(&s, SKU, 1).await;
        let placed = s
            .checkout
            .place_order(&owner, &input("u@example.com"))
            .await
            .expect("place");
        let err = s
            .orders
            .ship(&staff(), &placed.number, &parcel("ups", "X1", &[]))
            .await
            .expect_err("unpaid");
        assert!(matches!(err, domain::Error::Conflict(_)), "{err:?}");
        assert_eq!(shipment_rows(&s).await, 0);
        let lines = domain::entities::order_item::Entity::find()
            .all(&s.db)
            .await
            .expect("items");
        assert!(lines.iter().all(|l| l.shipped_quantity == 0), "rolled back");
    }
);

for_each_backend!(
    concurrent_parcels_never_ship_a_unit_twice,
    |db: TestDatabase| async move {
        let s = Arc::new(shop(&db).await);
        stock(&s, SKU, 10, 0).await;
        stock(&s, LARGE, 10, 0).await;
        let n = paid_two_line_order(&s, 3, 3).await;
        // Eight staff at once, each shipping one M and one L: only three
        // of each exist, so three parcels go, the others are refused, and
        // the order ends `shipped` exactly when all six units have.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let s = s.clone();
            let n = n.clone();
            tasks.push(tokio::spawn(async move {
                s.orders
                    .ship(
                        &staff(),
                        &n,
                        &parcel("dhl", &format!("P{i}"), &[(SKU, 1), (LARGE, 1)]),
                    )
                    .await
                    .is_ok()
            }));
        }
        let mut ok = 0;
        for t in tasks {
            if t.await.expect("task") {
                ok += 1;
            }
        }
        let items = domain::entities::order_item::Entity::find()
            .all(&s.db)
            .await
            .expect("items");
        assert!(items.iter().all(|i| i.shipped_quantity <= i.quantity));
        let in_parcels: i64 = domain::entities::shipment_item::Entity::find()
            .all(&s.db)
            .await
            .expect("contents")
            .iter()
            .map(|i| i64::from(i.quantity))
            .sum();
        let shipped: i64 = items.iter().map(|i| i64::from(i.shipped_quantity)).sum();
        assert_eq!(in_parcels, shipped, "parcels and line counts agree");
        assert_eq!(shipped, 2 * ok, "every accepted parcel carried two units");
        // Parcels are taken one at a time, so each sees what the last left.
        assert_eq!(ok, 3, "three parcels of one M and one L exist");
        assert_eq!(shipment_rows(&s).await, ok as u64);
        let expect = if shipped == 6 {
            OrderStatus::Shipped
        } else {
            OrderStatus::PartiallyShipped
        };
        assert_eq!(status(&s, &n).await, expect);
        assert_eq!(shipped_mails(&s).await.len() as i64, ok);
    }
);

for_each_backend!(
    staff_keep_their_own_carriers,
    |db: TestDatabase| async move {
        let s = shop(&db).await;
        stock(&s, SKU, 5, 0).await;
        let settings = Actor::user(902, Role::Staff, vec![Permission::Settings], false);
        let admin = domain::shop_settings::ShopSettings::new(s.db.clone());
        let gls = Carrier {
            code: "gls".into(),
            name: "GLS".into(),
            tracking_url: "https://gls.example/track/{tracking}".into(),
        };
        assert!(matches!(
            admin.save_carrier(&staff(), "", gls.clone()).await,
            Err(domain::Error::Forbidden)
        ));
        admin
            .save_carrier(&settings, "", gls.clone())
            .await
            .expect("add");
        let dup = admin.save_carrier(&settings, "", gls.clone()).await;
        assert!(matches!(
            dup,
            Err(domain::Error::Validation { field: "code", .. })
        ));
        let codes: Vec<_> = s
            .orders
            .carriers()
            .await
            .expect("list")
            .into_iter()
            .map(|c| c.code)
            .collect();
        assert!(codes.contains(&"gls".to_owned()) && codes.contains(&"ups".to_owned()));

        // Shipping with it links to its page; renamed, the parcel says so.
        let n = place_and_pay(&s, &guest_cart(&s, SKU, 1).await, "ship@example.com").await;
        s.orders
            .ship(&staff(), &n, &parcel("gls", "GL-1", &[]))
            .await
            .expect("ship");
        admin
            .save_carrier(
                &settings,
                "gls",
                Carrier {
                    name: "GLS Parcel".into(),
                    ..gls.clone()
                },
            )
            .await
            .expect("rename");
        let v = s.orders.detail(&staff(), &n).await.expect("order");
        assert_eq!(v.shipments[0].carrier, "GLS Parcel");
        assert_eq!(
            v.shipments[0].tracking_url.as_deref(),
            Some("https://gls.example/track/GL-1")
        );
        // A carrier that carried a parcel stays; an unused one goes.
        assert!(matches!(
            admin.delete_carrier(&settings, "gls").await,
            Err(domain::Error::Conflict(_))
        ));
        admin
            .delete_carrier(&settings, "dhl")
            .await
            .expect("delete unused");
        assert!(matches!(
            admin.delete_carrier(&settings, "dhl").await,
            Err(domain::Error::NotFound { .. })
        ));
        // The default stays even unused: the REST ship call falls back to it.
        assert!(matches!(
            admin.delete_carrier(&settings, domain::shop_settings::DEFAULT_CARRIER).await,
            Err(domain::Error::Conflict(m)) if m.contains("Rename it")
        ));
    }
);
