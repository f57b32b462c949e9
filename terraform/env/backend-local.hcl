# terraform init -reconfigure -backend-config=env/backend-local.hcl
# State in LocalStack's S3 (create the bucket first: see docs/deployment.md).
bucket                      = "salestalk-tfstate-local"
region                      = "us-east-1"
endpoints                   = { s3 = "http://localhost:4566" }
use_path_style              = true
access_key                  = "test"
secret_key                  = "test"
skip_credentials_validation = true
skip_requesting_account_id  = true
skip_metadata_api_check     = true
skip_region_validation      = true
