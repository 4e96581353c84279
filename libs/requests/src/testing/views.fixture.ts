import { DataSource, In } from 'typeorm';
import { User, UsersService } from '@app/parties';
import { RequestViews } from '../views/request-views.service';
import { seedCatalog } from './raci-oracle';

/** The real view builder on a spec's data source, with the users read from its `users` table. */
export function viewsOf(dataSource: DataSource): RequestViews {
  const users = {
    byIds: (ids: readonly string[]) => dataSource.getRepository(User).findBy({ id: In([...ids]) }),
  } as unknown as UsersService;
  return new RequestViews(dataSource, seedCatalog(), users);
}
