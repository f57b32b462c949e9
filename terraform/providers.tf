locals {
  # The `local` workspace talks to LocalStack; every other workspace to AWS.
  is_local = terraform.workspace == "local"
}

provider "aws" {
  region = var.region

  # LocalStack accepts any credentials and has no instance metadata or real STS account.
  access_key                  = local.is_local ? "test" : null
  secret_key                  = local.is_local ? "test" : null
  skip_credentials_validation = local.is_local
  skip_metadata_api_check     = local.is_local
  skip_requesting_account_id  = local.is_local
  s3_use_path_style           = local.is_local

  dynamic "endpoints" {
    for_each = local.is_local ? [var.localstack_endpoint] : []
    content {
      apigateway   = endpoints.value
      apigatewayv2 = endpoints.value
      cloudfront   = endpoints.value
      cloudwatch   = endpoints.value
      cognitoidp   = endpoints.value
      dynamodb     = endpoints.value
      ecr          = endpoints.value
      iam          = endpoints.value
      lambda       = endpoints.value
      logs         = endpoints.value
      s3           = endpoints.value
      sns          = endpoints.value
      ssm          = endpoints.value
      sts          = endpoints.value
    }
  }

  default_tags {
    tags = merge({ app = "salestalk", workspace = terraform.workspace }, var.tags)
  }
}
