# Django's own database (auth, admin, sessions): Aurora Serverless v2 PostgreSQL that pauses at
# 0 ACUs when idle. Aurora DSQL was the first choice (no VPC, IAM only) but Django's own auth
# migrations alter column types, which DSQL refuses (docs/deployment.md, "Why Aurora").
#
# The functions stay outside any VPC (a NAT gateway or interface endpoints would cost more per
# month than the whole idle stack): the cluster has a public endpoint like DSQL's, and accepts only
# TLS connections signed with IAM tokens (rds_iam) or the RDS-managed master secret, which only the
# migrate function may read.
variable "name" {
  description = "Prefix of the cluster, its network and its parameter group."
  type        = string
}

variable "database_name" {
  description = "The database Django uses."
  type        = string
}

variable "app_user" {
  description = "The IAM-authenticated login role the functions connect as (created by the migrate function)."
  type        = string
}

variable "max_acu" {
  description = "Upper bound of the cluster's capacity in Aurora capacity units (a cost brake)."
  type        = number
}

variable "pause_after_seconds" {
  description = "Idle time before the cluster pauses at 0 ACUs (300 to 86400)."
  type        = number
}

variable "allowed_cidrs" {
  description = "Networks that may open a TLS connection to PostgreSQL (Lambda outside a VPC has no fixed addresses)."
  type        = list(string)
}

variable "deletion_protection" {
  description = "Refuse deleting the cluster."
  type        = bool
}

variable "backup_retention_days" {
  description = "Automated backup retention."
  type        = number
}

data "aws_availability_zones" "available" {
  #checkov:skip=CKV_AWS_394:Only the first two zones are used (count = 2), so a zone AWS adds later changes nothing.
  state = "available"
}

resource "aws_vpc" "this" {
  #checkov:skip=CKV2_AWS_11:Flow logs cost per GB ingested; the VPC holds only the database, whose connections are logged by PostgreSQL itself (log_connections).
  cidr_block           = "10.42.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = var.name }
}

# No rule in the default group: nothing may use it.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "this" {
  count                   = 2
  vpc_id                  = aws_vpc.this.id
  availability_zone       = data.aws_availability_zones.available.names[count.index]
  cidr_block              = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)
  map_public_ip_on_launch = false
  tags                    = { Name = "${var.name}-${count.index}" }
}

resource "aws_route_table" "this" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "this" {
  count          = length(aws_subnet.this)
  subnet_id      = aws_subnet.this[count.index].id
  route_table_id = aws_route_table.this.id
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = aws_subnet.this[*].id
}

resource "aws_security_group" "postgres" {
  name        = "${var.name}-postgres"
  description = "PostgreSQL over TLS from the functions (IAM-authenticated)"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "PostgreSQL"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
}

resource "aws_rds_cluster_parameter_group" "this" {
  name   = var.name
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  parameter {
    name  = "log_connections"
    value = "1"
  }
  parameter {
    name  = "log_disconnections"
    value = "1"
  }
  # Statements that change the schema are logged (the migrate function's), not every query.
  parameter {
    name  = "log_statement"
    value = "ddl"
  }
}

resource "aws_rds_cluster" "this" {
  #checkov:skip=CKV_AWS_327:Encrypted with the RDS service key; a customer managed KMS key costs $1/month against the idle-cost goal.
  #checkov:skip=CKV2_AWS_27:Schema changes (log_statement=ddl) and connections are logged; logging every query would log the admin's and sessions' traffic for no audit need.
  #checkov:skip=CKV2_AWS_8:Aurora's own continuous backups (backup_retention_period) cover point-in-time recovery; AWS Backup would add a second copy and its cost.
  cluster_identifier                  = var.name
  engine                              = "aurora-postgresql"
  engine_mode                         = "provisioned"
  engine_version                      = "16.6"
  database_name                       = var.database_name
  master_username                     = "salestalk_admin"
  manage_master_user_password         = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.postgres.id]
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.this.name
  deletion_protection                 = var.deletion_protection
  backup_retention_period             = var.backup_retention_days
  copy_tags_to_snapshot               = true
  skip_final_snapshot                 = !var.deletion_protection
  final_snapshot_identifier           = "${var.name}-final"
  enabled_cloudwatch_logs_exports     = ["postgresql"]

  serverlessv2_scaling_configuration {
    min_capacity             = 0
    max_capacity             = var.max_acu
    seconds_until_auto_pause = var.pause_after_seconds
  }
}

resource "aws_rds_cluster_instance" "this" {
  #checkov:skip=CKV_AWS_17:The endpoint is public on purpose (see the top of this file): TLS is forced and only IAM tokens or the managed master secret sign in.
  #checkov:skip=CKV_AWS_118:Enhanced monitoring needs a role and costs per instance-hour of CloudWatch Logs; Aurora's own metrics suffice at this size.
  #checkov:skip=CKV_AWS_353:Performance Insights bills per vCPU-hour on Serverless v2; enable it when tuning.
  #checkov:skip=CKV_AWS_354:Performance Insights is off (CKV_AWS_353).
  identifier                 = "${var.name}-1"
  cluster_identifier         = aws_rds_cluster.this.id
  instance_class             = "db.serverless"
  engine                     = aws_rds_cluster.this.engine
  engine_version             = aws_rds_cluster.this.engine_version
  publicly_accessible        = true
  auto_minor_version_upgrade = true
  db_subnet_group_name       = aws_db_subnet_group.this.name
}

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

output "endpoint" {
  value = aws_rds_cluster.this.endpoint
}

output "port" {
  value = aws_rds_cluster.this.port
}

output "database_name" {
  value = aws_rds_cluster.this.database_name
}

output "url" {
  description = "DATABASE_URL of the functions: IAM authentication over TLS (salestalk.database)."
  value       = "postgres-iam://${var.app_user}@${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${aws_rds_cluster.this.database_name}?sslmode=require"
}

output "connect_arn" {
  description = "What rds-db:connect must name for the app's login role."
  value       = "arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_rds_cluster.this.cluster_resource_id}/${var.app_user}"
}

output "master_secret_arn" {
  value = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "cluster_identifier" {
  value = aws_rds_cluster.this.cluster_identifier
}
