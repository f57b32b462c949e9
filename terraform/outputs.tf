output "http_api_url" {
  description = "Base URL of the app and its API."
  value       = local.full_stack ? module.http_api[0].endpoint : null
}

output "websocket_url" {
  description = "wss:// URL for live chat (?conversation=…&ticket=…)."
  value       = local.full_stack ? module.websocket_api[0].url : null
}

output "ecr_repository_url" {
  description = "Where the deploy workflow pushes the image."
  value       = local.full_stack ? module.ecr[0].repository_url : null
}

output "user_pool_id" {
  description = "Cognito user pool (create users with custom:tenant_id, see docs/deployment.md)."
  value       = local.full_stack ? module.cognito[0].user_pool_id : null
}

output "user_pool_client_id" {
  description = "Cognito app client id of the web client."
  value       = local.full_stack ? module.cognito[0].client_id : null
}

output "static_host" {
  description = "CloudFront domain serving /static/."
  value       = local.full_stack ? module.static_site[0].static_host : null
}

output "static_bucket" {
  description = "Bucket collectstatic uploads to."
  value       = local.full_stack ? module.static_site[0].static_bucket : null
}

output "registry_table" {
  description = "The tenant registry table."
  value       = module.registry_table.name
}

output "function_names" {
  description = "Lambda functions by role."
  value = local.full_stack ? {
    http    = module.http_function[0].function_name
    ws      = module.ws_function[0].function_name
    import  = module.import_function[0].function_name
    migrate = module.migrate_function[0].function_name
  } : {}
}

output "migrate_function" {
  description = "Invoked once per deploy, synchronously: Django's migrations."
  value       = local.full_stack ? module.migrate_function[0].function_name : null
}

output "hosted_ui_url" {
  description = "Cognito Hosted UI domain (the pages' sign-in)."
  value       = local.full_stack ? module.cognito[0].domain_url : null
}

output "database_endpoint" {
  description = "Aurora Serverless v2 endpoint of Django's own tables."
  value       = local.full_stack ? module.database[0].endpoint : null
}

output "athena_workgroup" {
  description = "Athena workgroup for tenants past one function (per-query scan limit)."
  value       = local.full_stack ? module.analytics[0].workgroup : null
}

output "dashboard" {
  description = "CloudWatch dashboard of the app's figures."
  value       = local.full_stack ? module.dashboard[0].name : null
}
