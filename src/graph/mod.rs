//! Stage 3b, the network: a dataset and the filtered events in; actors as
//! nodes, ties as edges, positions, and what the reader's zoom and focus
//! show, out.
//!
//! - [`frame`]: the frame on screen: the view box in its aspect, with room
//!   for the always-labelled names;
//! - [`network`]: the graph of actors and ties, node shapes and edge styles;
//! - [`layout`]: a force simulation in d3-force's manner (one force per
//!   file, Barnes–Hut many-body, a seeded LCG);
//! - [`view`]: the arithmetic of the drawn network: zoom, the fitted box,
//!   which actors are labelled first, ties in words.
//!
//! The seeded generator that makes layouts reproducible is
//! [`crate::base::rng`].
//!
//! Pure: no browser types here; `components::network` animates and draws it.

pub mod frame;
pub mod layout;
pub mod network;
pub mod view;
