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

# 2: events.crowd_size; 3: merging and control tables (migrated by
# engine.MIGRATIONS).
SCHEMA_VERSION = 3
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


# --- version 3: merging (frontwatch.merge) and control (frontwatch.control) --
# A merged event is rebuilt from its reports (the rows of ``events``); its row
# here keeps the columns that filters need. Nothing below is written by hand:
# the merge step replaces the rows of the events and places it touched.

article_stories = sa.Table(
    "article_stories",
    metadata,
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("story_id", sa.String(64), nullable=False),  # root article of its copies
    sa.Column("published", sa.Date),
)
sa.Index("ix_article_stories_story_id", article_stories.c.story_id)

# MinHash LSH band keys of each article's text: copies share one.
article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("band", sa.String(32), nullable=False),
)
sa.Index("ix_article_bands_band", article_bands.c.band)
sa.Index("ix_article_bands_article_id", article_bands.c.article_id)

merged_events = sa.Table(
    "merged_events",
    metadata,
    sa.Column("merged_id", sa.String(64), primary_key=True),
    sa.Column("anchor_event_id", sa.String(128), nullable=False),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("territorial", sa.String(32)),
    sa.Column("event_date", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("time_precision", sa.Integer),
    sa.Column("country", sa.Text),
    sa.Column("country_code", sa.String(8)),
    sa.Column("admin1", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("actors", sa.Text),  # every actor name of every report, "; "-joined
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Index("ix_merged_events_event_date", merged_events.c.event_date)
sa.Index("ix_merged_events_country", merged_events.c.country)

# Which report belongs to which merged event (no foreign key to events: a
# reprocessed article's old reports are dropped first, then re-merged).
merged_members = sa.Table(
    "merged_members",
    metadata,
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("merged_id", sa.String(64), nullable=False),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("copy_of", sa.String(128)),  # the report this wire copy repeats
)
sa.Index("ix_merged_members_merged_id", merged_members.c.merged_id)
sa.Index("ix_merged_members_article_id", merged_members.c.article_id)

merged_aliases = sa.Table(
    "merged_aliases",
    metadata,
    sa.Column("old_id", sa.String(64), primary_key=True),
    sa.Column("merged_id", sa.String(64), nullable=False),
)

merge_log = sa.Table(
    "merge_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("logged_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),  # created|updated|merged|split|removed
    sa.Column("merged_id", sa.String(64), nullable=False),
    sa.Column("others", sa.JSON, nullable=False),
    sa.Column("added", sa.JSON, nullable=False),
    sa.Column("removed", sa.JSON, nullable=False),
)
sa.Index("ix_merge_log_merged_id", merge_log.c.merged_id)

control_claims = sa.Table(
    "control_claims",
    metadata,
    sa.Column("claim_id", sa.String(160), primary_key=True),
    sa.Column("entry_key", sa.String(512), nullable=False),
    sa.Column("base_key", sa.String(512), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("admin1", sa.Text),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(8), nullable=False),
    sa.Column("latitude", sa.Float, nullable=False),
    sa.Column("longitude", sa.Float, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),  # change | state | denial
    sa.Column("territorial", sa.String(32), nullable=False),
    sa.Column("controller", sa.Text),
    sa.Column("counterpart", sa.Text),
    sa.Column("date_start", sa.Date, nullable=False),
    sa.Column("date_end", sa.Date, nullable=False),
    sa.Column("time_precision", sa.Integer, nullable=False),
    sa.Column("merged_id", sa.String(64)),  # NULL for a denial (a flagged report)
    sa.Column("article_id", sa.String(64)),  # a denial's article
    sa.Column("sources", sa.JSON, nullable=False),
)
sa.Index("ix_control_claims_entry_key", control_claims.c.entry_key)
sa.Index("ix_control_claims_base_key", control_claims.c.base_key)
sa.Index("ix_control_claims_merged_id", control_claims.c.merged_id)
sa.Index("ix_control_claims_article_id", control_claims.c.article_id)

# The history of each entry, recomputed from its claims when they change.
control_periods = sa.Table(
    "control_periods",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("entry_key", sa.String(512), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("country", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(8), nullable=False),
    sa.Column("valid_from", sa.Date, nullable=False),
    sa.Column("valid_to", sa.Date),
    sa.Column("controller", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("claim_ids", sa.JSON, nullable=False),
)
sa.Index("ix_control_periods_entry_key", control_periods.c.entry_key)
sa.Index("ix_control_periods_valid_from", control_periods.c.valid_from)

TABLES_V3 = (
    article_stories,
    article_bands,
    merged_events,
    merged_members,
    merged_aliases,
    merge_log,
    control_claims,
    control_periods,
)
