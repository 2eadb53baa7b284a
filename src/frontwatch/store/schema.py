"""The store's tables, as SQLAlchemy Core metadata.

Only portable column types are used (Text, Integer, Float, Boolean, Date,
DateTime, JSON), so the same schema runs on SQLite and PostgreSQL. Events
keep a denormalised copy of their main actors and place (the ACLED columns)
for filtering and export; ``event_actors`` and ``event_places`` keep the full
records so an Event can be rebuilt exactly.

Bump ``SCHEMA_VERSION`` whenever a table changes shape; ``repository`` refuses
to open a store written by a newer version.
"""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 2  # 2: events.crowd_size (migrated by repository.MIGRATIONS)
SCHEMA_VERSION_KEY = "schema_version"

metadata = sa.MetaData()

schema_info = sa.Table(
    "schema_info",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("article_id", sa.String(64), primary_key=True),  # content hash
    sa.Column("origin", sa.Text, nullable=False, default=""),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("outlet", sa.Text),
    sa.Column("original_source", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("raw_format", sa.String(16), nullable=False),
    sa.Column("raw", sa.Text, nullable=False),  # always kept, for reprocessing
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("captions", sa.JSON, nullable=False),
    sa.Column("removed_lines", sa.JSON, nullable=False),
    sa.Column("language", sa.String(16)),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("pipeline_version", sa.String(32), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # "processed" | "failed"
    sa.Column("error", sa.Text),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    # The date span: event_date is the span start (what ACLED exports).
    sa.Column("event_date", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("time_precision", sa.Integer),
    sa.Column("date_expression", sa.Text, nullable=False, default=""),
    sa.Column("date_reason", sa.Text, nullable=False, default=""),
    # Actors, ACLED style; assoc actors are "; "-joined names.
    sa.Column("actor1", sa.Text),
    sa.Column("inter1", sa.Integer),
    sa.Column("assoc_actor_1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("inter2", sa.Integer),
    sa.Column("assoc_actor_2", sa.Text),
    # The main place.
    sa.Column("country", sa.Text),
    sa.Column("country_code", sa.String(8)),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("geonameid", sa.Integer),
    # Fatalities: NULL fatalities means none were reported (no Fatalities record).
    sa.Column("fatalities", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("fatalities_text", sa.Text, nullable=False, default=""),
    sa.Column("fatalities_reason", sa.Text, nullable=False, default=""),
    sa.Column("territorial", sa.String(32)),
    sa.Column("area_km2", sa.Float),
    sa.Column("area_text", sa.Text, nullable=False, default=""),
    sa.Column("crowd_size", sa.Text),
    sa.Column("trigger", sa.Text, nullable=False, default=""),
    sa.Column("claim_source", sa.Text),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("hypothetical", sa.Boolean, nullable=False, default=False),
    sa.Column("planned", sa.Boolean, nullable=False, default=False),
    sa.Column("historical", sa.Boolean, nullable=False, default=False),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Index("ix_events_country", events.c.country)
sa.Index("ix_events_admin1", events.c.admin1)
sa.Index("ix_events_event_type", events.c.event_type)
sa.Index("ix_events_event_date", events.c.event_date)

event_sources = sa.Table(
    "event_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "event_id",
        sa.String(128),
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("position", sa.Integer, nullable=False),  # order within Event.provenance
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("claim_source", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("original_source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
)
sa.Index("ix_event_sources_article_id", event_sources.c.article_id)
sa.Index("ix_event_sources_event_id", event_sources.c.event_id)

# A catalogue of canonical actors (first description seen wins); the exact
# per-event record lives in event_actors.
actors = sa.Table(
    "actors",
    metadata,
    sa.Column("name", sa.String(512), primary_key=True),
    sa.Column("inter", sa.Integer, nullable=False),
    sa.Column("country", sa.Text),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "event_id",
        sa.String(128),
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("actor", sa.String(512), sa.ForeignKey("actors.name"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # actor1 | actor2 | assoc1 | assoc2
    sa.Column("position", sa.Integer, nullable=False),  # order among the role's actors
    sa.Column("inter", sa.Integer, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("matched_text", sa.Text, nullable=False, default=""),
    sa.Column("backers", sa.JSON, nullable=False),
)
sa.Index("ix_event_actors_event_id", event_actors.c.event_id)
sa.Index("ix_event_actors_actor", event_actors.c.actor)

places = sa.Table(
    "places",
    metadata,
    # "geonames:<id>" for gazetteer places, else name|country_code|lat|lon
    sa.Column("place_key", sa.String(512), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(8), nullable=False),
    sa.Column("feature", sa.Text, nullable=False),
    sa.Column("geonameid", sa.Integer),
    sa.Column("population", sa.Integer, nullable=False, default=0),
)

event_places = sa.Table(
    "event_places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "event_id",
        sa.String(128),
        sa.ForeignKey("events.event_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("place_key", sa.String(512), sa.ForeignKey("places.place_key"), nullable=False),
    sa.Column("role", sa.String(8), nullable=False),  # main | other
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("matched_text", sa.Text, nullable=False, default=""),
    sa.Column("geo_precision", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer),
    sa.Column("end", sa.Integer),
    sa.Column("score", sa.Float, nullable=False, default=0.0),
)
sa.Index("ix_event_places_event_id", event_places.c.event_id)
