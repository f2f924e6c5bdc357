//! What the completeness test compares between catalogs: each message's id
//! and the variables its text reads.
use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

pub(crate) fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every message in `source` with the variables it reads, sorted.
pub(crate) fn messages(source: &str) -> Vec<(String, Vec<String>)> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    let mut all: Vec<(String, Vec<String>)> = resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => {
                let mut vars = Vec::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut vars);
                }
                vars.sort();
                vars.dedup();
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect();
    all.sort();
    all
}

fn pattern(p: &Pattern<&str>, vars: &mut Vec<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, vars);
        }
    }
}

fn expr(e: &Expression<&str>, vars: &mut Vec<String>) {
    match e {
        Expression::Inline(inline) => inline_expr(inline, vars),
        Expression::Select { selector, variants } => {
            inline_expr(selector, vars);
            for variant in variants {
                pattern(&variant.value, vars);
            }
        }
    }
}

fn inline_expr(e: &InlineExpression<&str>, vars: &mut Vec<String>) {
    match e {
        InlineExpression::VariableReference { id } => vars.push(id.name.to_owned()),
        InlineExpression::Placeable { expression } => expr(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_expr(arg, vars);
            }
        }
        _ => {}
    }
}
