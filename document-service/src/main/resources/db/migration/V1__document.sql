-- Documents: school materials, orders, detached signatures and practice files. The bytes live in S3
-- (document_version.object_key, a random key, never the file name); this is the metadata.
create table document (
    id                 uuid primary key,
    type               varchar(20)   not null,
    title              varchar(1000) not null,
    kind               varchar(32),
    region             varchar(8)    not null,
    municipality       varchar(16),
    school             varchar(32),
    practice_id        uuid,
    signed_document_id uuid references document (id),
    risk_factors       varchar(100)[] not null default '{}',
    order_number       varchar(100),
    order_date         date,
    order_authority    varchar(1000),
    current_version    integer       not null,
    revision           bigint        not null,
    created_by         varchar(200)  not null,
    created_at         timestamptz   not null,
    updated_by         varchar(200)  not null,
    updated_at         timestamptz   not null,
    deleted_by         varchar(200),
    deleted_at         timestamptz
);
create index document_region_type on document (region, type);
create index document_school on document (school);
create index document_practice on document (practice_id);

create table document_version (
    document_id           uuid          not null references document (id),
    version               integer       not null,
    object_key            varchar(200)  not null unique,
    file_name             varchar(1000) not null,
    content_type          varchar(200)  not null,
    size                  bigint        not null,
    sha256                varchar(64)   not null,
    uploaded_by           varchar(200)  not null,
    uploaded_at           timestamptz   not null,
    extraction_status     varchar(16)   not null,
    extraction_error      varchar(2000),
    extracted_text        text,
    text_truncated        boolean       not null default false,
    extraction_started_at timestamptz,
    extracted_at          timestamptz,
    primary key (document_id, version)
);
create index document_version_extraction on document_version (extraction_status) where extraction_status in ('PENDING', 'RUNNING');

-- Stage / commit / confirm: a row here is written (and committed) before an object is uploaded and
-- removed in the transaction that commits the document_version pointing at it. A row that outlives
-- platform.storage.stale-staging-after marks an object nobody committed: the sweeper deletes both.
create table staged_object (
    object_key varchar(200) primary key,
    created_at timestamptz  not null
);

-- Supersession: the order order_id repeals ("признать утратившими силу") repealed_order_id.
create table order_repeal (
    order_id          uuid not null references document (id),
    repealed_order_id uuid not null references document (id),
    primary key (order_id, repealed_order_id)
);

create table document_comment (
    id          uuid primary key,
    document_id uuid          not null references document (id),
    author      varchar(200)  not null,
    author_role varchar(40)   not null,
    text        varchar(4000) not null,
    created_at  timestamptz   not null
);
create index document_comment_document on document_comment (document_id, created_at);

-- The result of checking one version of a detached signature against one version of the order it signs.
create table signature_check (
    signature_document_id  uuid         not null references document (id),
    signature_version      integer      not null,
    order_document_id      uuid         not null references document (id),
    order_version          integer      not null,
    status                 varchar(16)  not null,
    signer_name            varchar(500),
    signer_position        varchar(500),
    signer_organisation    varchar(1000),
    signer_snils           varchar(20),
    signer_ogrn            varchar(20),
    signer_inn             varchar(20),
    certificate_subject    varchar(2000),
    certificate_issuer     varchar(2000),
    certificate_serial     varchar(100),
    certificate_not_before timestamptz,
    certificate_not_after  timestamptz,
    signing_time           timestamptz,
    algorithm              varchar(200),
    detail                 varchar(2000),
    checked_at             timestamptz  not null,
    primary key (signature_document_id, signature_version)
);
create index signature_check_order on signature_check (order_document_id);

create table practice (
    id                 uuid primary key,
    title              varchar(1000) not null,
    authors            varchar(300)[] not null default '{}',
    school             varchar(32)   not null,
    region             varchar(8)    not null,
    municipality       varchar(16),
    direction          varchar(64)   not null,
    directions_version integer       not null,
    education_level    varchar(32)   not null,
    risk_factors       varchar(100)[] not null default '{}',
    description        text          not null,
    results            text,
    status             varchar(16)   not null,
    expert_conclusion  text,
    score              integer,
    reviewer           varchar(200),
    submitted_at       timestamptz,
    published_at       timestamptz,
    revision           bigint        not null,
    created_by         varchar(200)  not null,
    created_at         timestamptz   not null,
    updated_by         varchar(200)  not null,
    updated_at         timestamptz   not null
);
create index practice_status_region on practice (status, region);
create index practice_school on practice (school);

create table practice_comment (
    id          uuid primary key,
    practice_id uuid          not null references practice (id),
    author      varchar(200)  not null,
    author_role varchar(40)   not null,
    status      varchar(16)   not null,
    text        varchar(4000) not null,
    created_at  timestamptz   not null
);
create index practice_comment_practice on practice_comment (practice_id, created_at);

create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz  not null,
    actor       varchar(200) not null,
    actor_roles varchar(300) not null,
    action      varchar(32)  not null,
    entity_type varchar(16)  not null,
    entity_id   uuid         not null,
    version     integer,
    region      varchar(8),
    details     varchar(2000)
);
create index audit_event_region_time on audit_event (region, occurred_at desc);
create index audit_event_entity on audit_event (entity_id);

-- Transactional outbox, read by search-service through GET /internal/changes (docs/conventions.md).
create table outbox (
    position     bigserial primary key,
    type         varchar(16) not null,
    aggregate_id uuid        not null,
    version      bigint      not null,
    operation    varchar(8)  not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    xid          xid8        not null default pg_current_xact_id()
);
