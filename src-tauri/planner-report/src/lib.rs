//! The plan PDF report (being built).
