"""The diplomacy ontology and SHACL shapes, shipped as package data (kg.ontology)."""
