-- Regional roadmaps of project «500+» as records (issue 4). Lossless for the two fixture orders:
-- raw texts are kept next to everything parsed from them.

create table organisation (
    id          uuid primary key,
    region      varchar(8)    not null,
    full_name   varchar(2000) not null,
    short_name  varchar(500),
    type        varchar(32)   not null,
    created_at  timestamptz   not null,
    constraint organisation_region_name unique (region, full_name)
);

-- short names and the abbreviations defined in the order ("(далее – …)")
create table organisation_alias (
    organisation_id uuid          not null references organisation (id) on delete cascade,
    position        integer       not null,
    alias           varchar(2000) not null,
    primary key (organisation_id, position)
);

create table roadmap (
    id                       uuid primary key,
    region                   varchar(8)    not null,
    municipality             varchar(16),
    level                    varchar(16)   not null,
    title                    text          not null,
    year                     integer,
    period_start             date,
    period_end               date,
    status                   varchar(16)   not null,
    edition                  integer       not null,
    previous_id              uuid references roadmap (id),
    superseded_by_id         uuid references roadmap (id),
    -- the approving order: a reference to a document in document-service plus what the annex says
    order_document_id        uuid,
    order_kind               varchar(100),
    order_number             varchar(100),
    order_date               date,
    order_authority          varchar(1000),
    order_city               varchar(200),
    order_title              text,
    order_signatory          varchar(500),
    order_signatory_position varchar(1000),
    order_annex_citation     varchar(1000),
    approved_by              varchar(200),
    approved_at              timestamptz,
    version                  bigint        not null,
    created_by               varchar(200)  not null,
    created_at               timestamptz   not null,
    updated_by               varchar(200)  not null,
    updated_at               timestamptz   not null,
    constraint roadmap_year_or_period check (year is not null or (period_start is not null and period_end is not null))
);
create index roadmap_region_status on roadmap (region, status);
create index roadmap_year on roadmap (year);

-- the annex's column headings as written (they differ between regions: 5 vs 6 columns)
create table roadmap_column_heading (
    roadmap_id uuid          not null references roadmap (id) on delete cascade,
    position   integer       not null,
    heading    varchar(1000) not null,
    primary key (roadmap_id, position)
);

-- orders this roadmap's order declares repealed ("признать утратившими силу")
create table roadmap_repealed_order (
    roadmap_id               uuid    not null references roadmap (id) on delete cascade,
    position                 integer not null,
    order_document_id        uuid,
    order_kind               varchar(100),
    order_number             varchar(100),
    order_date               date,
    order_authority          varchar(1000),
    order_city               varchar(200),
    order_title              text,
    order_signatory          varchar(500),
    order_signatory_position varchar(1000),
    order_annex_citation     varchar(1000),
    primary key (roadmap_id, position)
);

create table roadmap_section (
    id         uuid primary key,
    roadmap_id uuid    not null references roadmap (id) on delete cascade,
    position   integer not null,
    number     varchar(50),
    title      text    not null
);
create index roadmap_section_roadmap on roadmap_section (roadmap_id);

create table roadmap_item (
    id                 uuid primary key,
    section_id         uuid        not null references roadmap_section (id) on delete cascade,
    position           integer     not null,
    number             varchar(50),
    task               text        not null,
    deadline_text      text,
    deadline_kind      varchar(32) not null,
    executors_text     text,
    indicator_text     text,
    indicator_quantity numeric(14, 2),
    indicator_unit     varchar(100),
    information_text   text,
    notes              text
);
create index roadmap_item_section on roadmap_item (section_id);

create table roadmap_item_period (
    item_id    uuid    not null references roadmap_item (id) on delete cascade,
    position   integer not null,
    start_date date,
    end_date   date    not null,
    primary key (item_id, position),
    constraint roadmap_item_period_order check (start_date is null or start_date <= end_date)
);

create table roadmap_item_executor (
    item_id         uuid    not null references roadmap_item (id) on delete cascade,
    position        integer not null,
    organisation_id uuid    not null references organisation (id),
    primary key (item_id, position)
);

create table roadmap_item_link (
    item_id  uuid          not null references roadmap_item (id) on delete cascade,
    position integer       not null,
    url      varchar(2000) not null,
    primary key (item_id, position)
);

create table progress_report (
    id          uuid primary key,
    roadmap_id  uuid        not null references roadmap (id) on delete cascade,
    item_id     uuid        not null references roadmap_item (id) on delete cascade,
    stage       date        not null,
    status      varchar(16) not null,
    comment     text,
    reported_by varchar(200) not null,
    reported_at timestamptz not null,
    version     bigint      not null,
    constraint progress_report_item_stage unique (item_id, stage)
);
create index progress_report_roadmap on progress_report (roadmap_id);

create table progress_evidence (
    report_id   uuid    not null references progress_report (id) on delete cascade,
    position    integer not null,
    document_id uuid    not null,
    primary key (report_id, position)
);

-- Transactional outbox (docs/conventions.md, "Change feed"). A row is written in the business
-- transaction with its transaction id; the feed gives it a position from outbox_position only once
-- its transaction is below the xmin of the current snapshot, so positions follow completion order
-- and a reader's cursor never passes a row that commits later.
create sequence outbox_position;
create table outbox (
    id           bigserial primary key,
    position     bigint unique,
    xid          xid8        not null default pg_current_xact_id(),
    type         varchar(32) not null,
    aggregate_id uuid        not null,
    version      bigint      not null,
    operation    varchar(16) not null,
    occurred_at  timestamptz not null default now(),
    payload      jsonb       not null
);
create index outbox_unsequenced on outbox (id) where position is null;
