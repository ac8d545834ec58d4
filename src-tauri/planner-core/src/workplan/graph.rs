//! The dependencies as a graph: tasks in an order where each follows everything it waits for,
//! and a circle of waiting tasks found and named. Every walk here is a loop over an explicit
//! queue or stack, never recursion, so a chain of 100,000 tasks cannot overflow the stack;
//! each costs time linear in tasks plus dependencies.

use std::collections::{HashMap, VecDeque};

use petgraph::algo::toposort;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::WorkPlan;
use super::validate::error;
use crate::error::{FieldError, ValidationErrors};

/// Each task's position by its id. Hashed with foldhash: the ids are the plan's own, so
/// SipHash's guard against crafted keys buys nothing, and hashing was a quarter of the time
/// of scheduling 500 tasks.
pub(crate) type TaskIds<'a> = foldhash::HashMap<&'a str, usize>;

/// A valid plan's dependencies, by task position.
#[derive(Debug)]
pub(crate) struct TaskGraph {
    /// Every task after all the tasks it waits for.
    pub order: Vec<usize>,
    /// The dependencies leaving task `i` are `edges[starts[i]..starts[i + 1]]`.
    starts: Vec<usize>,
    edges: Vec<Edge>,
    /// Each dependency's predecessor and successor positions, in the plan's order.
    pub ends: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Edge {
    pub successor: usize,
    pub lag_weeks: i32,
}

impl TaskGraph {
    /// Resolves the dependencies' task ids (`index` holds every task, ids unique) and orders the
    /// tasks, refusing unknown tasks, a task waiting for itself, a dependency given twice and a
    /// circle of tasks.
    pub fn build(plan: &WorkPlan, index: &TaskIds) -> Result<TaskGraph, ValidationErrors> {
        let title = |i: usize| plan.tasks[i].title.trim();
        let mut errors = Vec::new();
        let mut resolved = Vec::with_capacity(plan.dependencies.len());
        let mut seen = foldhash::HashSet::with_capacity_and_hasher(
            plan.dependencies.len(),
            Default::default(),
        );
        for (d, dep) in plan.dependencies.iter().enumerate() {
            let mut end = |id: &str, name: &str| {
                let found = index.get(id).copied();
                if found.is_none() {
                    errors.push(error(
                        &format!("dependencies.{d}.{name}"),
                        format!("Dependency {} names a task that is not in the plan", d + 1),
                    ));
                }
                found
            };
            let (Some(p), Some(s)) = (
                end(&dep.predecessor, "predecessor"),
                end(&dep.successor, "successor"),
            ) else {
                continue;
            };
            if p == s {
                errors.push(error(
                    &format!("dependencies.{d}"),
                    format!("“{}” cannot wait for itself", title(p)),
                ));
            } else if !seen.insert((p, s)) {
                errors.push(error(
                    &format!("dependencies.{d}"),
                    format!("“{}” already waits for “{}”", title(s), title(p)),
                ));
            }
            resolved.push((d, p, s));
        }
        if !errors.is_empty() {
            return Err(ValidationErrors(errors));
        }

        let mut graph = DiGraph::<(), usize, u32>::with_capacity(plan.tasks.len(), resolved.len());
        for _ in &plan.tasks {
            graph.add_node(());
        }
        for &(d, p, s) in &resolved {
            graph.add_edge(NodeIndex::new(p), NodeIndex::new(s), d);
        }
        let order = match toposort(&graph, None) {
            Ok(order) => order.into_iter().map(NodeIndex::index).collect(),
            Err(cycle) => {
                return Err(ValidationErrors(vec![cycle_error(
                    plan,
                    &graph,
                    cycle.node_id(),
                )]));
            }
        };

        let mut starts = vec![0; plan.tasks.len() + 1];
        for &(_, p, _) in &resolved {
            starts[p + 1] += 1;
        }
        for i in 0..plan.tasks.len() {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut edges = vec![
            Edge {
                successor: 0,
                lag_weeks: 0
            };
            resolved.len()
        ];
        for &(d, p, s) in &resolved {
            edges[fill[p]] = Edge {
                successor: s,
                lag_weeks: plan.dependencies[d].lag_weeks,
            };
            fill[p] += 1;
        }
        Ok(TaskGraph {
            order,
            starts,
            edges,
            ends: resolved.iter().map(|&(_, p, s)| (p, s)).collect(),
        })
    }

    /// The dependencies leaving task `i`.
    pub fn successors(&self, i: usize) -> &[Edge] {
        &self.edges[self.starts[i]..self.starts[i + 1]]
    }
}

/// A longer circle is named by its first tasks and its length, to keep the message readable.
const MAX_NAMED: usize = 12;

/// Names the tasks of one circle through `start` (a task petgraph found on a cycle), in the
/// order they wait for each other, keyed to the dependency that closes the circle.
fn cycle_error(plan: &WorkPlan, graph: &DiGraph<(), usize, u32>, start: NodeIndex) -> FieldError {
    // Breadth first from `start` along dependencies until one leads back to it; `reached_by`
    // keeps the dependency each task was first reached through.
    let mut reached_by: HashMap<NodeIndex, (NodeIndex, usize)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut closing = None;
    'search: while let Some(node) = queue.pop_front() {
        for edge in graph.edges(node) {
            let next = edge.target();
            if next == start {
                closing = Some((node, *edge.weight()));
                break 'search;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = reached_by.entry(next) {
                slot.insert((node, *edge.weight()));
                queue.push_back(next);
            }
        }
    }
    let (last, dependency) = closing.expect("petgraph reports a task that lies on a cycle");
    let mut circle = vec![last];
    while let Some(&(before, _)) = circle.last().and_then(|n| reached_by.get(n)) {
        circle.push(before);
    }
    circle.reverse();
    circle.push(start);
    let name = |n: &NodeIndex| format!("“{}”", plan.tasks[n.index()].title.trim());
    let names = if circle.len() <= MAX_NAMED {
        circle.iter().map(name).collect::<Vec<_>>().join(" → ")
    } else {
        let shown: Vec<String> = circle[..MAX_NAMED - 1].iter().map(name).collect();
        format!(
            "{} → … ({} tasks in all) → {}",
            shown.join(" → "),
            circle.len() - 1,
            name(&start)
        )
    };
    error(
        &format!("dependencies.{dependency}"),
        format!(
            "These tasks wait for one another in a circle, so none of them can start: \
             {names}. Remove one of these dependencies."
        ),
    )
}
