//! The charts view: the timeline and the casualty chart, computed by
//! [`crate::charts`] at the measured width; these components only draw the
//! geometry and wire the reader's input.

mod casualty;
mod marks;
mod timeline;

pub use casualty::CasualtyChart;
pub use timeline::TimelineChart;
