terraform {
  # 1.10+: the S3 backend locks with a lock object (use_lockfile), no DynamoDB lock table.
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  # Partial configuration: bucket and region come from env/backend-<workspace>.hcl or
  # -backend-config flags, so one configuration serves LocalStack and AWS.
  backend "s3" {
    key          = "salestalk/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
