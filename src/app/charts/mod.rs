//! SVG charts drawn by Yew components. Their scale and tick maths is in [`scale`].

pub mod scale;
