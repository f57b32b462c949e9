# `terraform workspace select local` — everything against LocalStack on localhost:4566.
# LocalStack Community serves DynamoDB, S3, IAM, STS, SSM, SNS, Lambda and CloudWatch; ECR,
# API Gateway v2, Cognito and CloudFront need LocalStack Pro (see docs/deployment.md).
workspace           = "local"
region              = "us-east-1"
localstack_endpoint = "http://localhost:4566"
table_prefix        = "salestalk-"
log_retention_days  = 1
deletion_protection = false
