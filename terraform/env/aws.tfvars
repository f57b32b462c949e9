# `terraform workspace select aws` — the real account. image_tag comes from the deploy workflow.
workspace           = "aws"
region              = "us-east-1"
table_prefix        = "salestalk-"
bedrock_model_id    = "anthropic.claude-3-haiku-20240307-v1:0"
log_retention_days  = 30
deletion_protection = true
static_price_class  = "PriceClass_100"
