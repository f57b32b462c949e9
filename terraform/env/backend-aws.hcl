# terraform init -reconfigure -backend-config=env/backend-aws.hcl -backend-config="bucket=<state bucket>"
# The bucket is created by terraform/bootstrap and is account-specific, hence passed on the command line.
region = "us-east-1"
