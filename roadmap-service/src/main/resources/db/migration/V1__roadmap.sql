create table roadmap (
    id          uuid primary key,
    region      varchar(8)   not null,
    level       varchar(16)  not null,
    title       varchar(1000) not null,
    year        integer,
    status      varchar(16)  not null,
    version     bigint       not null default 0,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    updated_by  varchar(200) not null,
    updated_at  timestamptz  not null
);
create index roadmap_region_status on roadmap (region, status);
